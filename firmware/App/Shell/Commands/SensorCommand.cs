// `sensor read|watch|trip <id> ...`: readings with their unit, a few readings over time, trip point configuration.
using System;
using App.Format;
using App.Inventory;
using Nano.Runtime.Native;
using Scmi;
using Scmi.Protocols;

namespace App.Shell.Commands;

/// <summary>SENSOR_READING_GET and SENSOR_TRIP_POINT_CONFIG (SCMI DEN0056E §4.7.2).</summary>
public static class SensorCommand
{
    private const string Usage = "usage: sensor read <id> | sensor watch <id> [count] | sensor trip <id> <point> off|up|down|both [value]";
    private const int MostWatched = 100;
    private const ulong WatchIntervalMicroseconds = 200_000;

    public static ShellOutcome Run(ShellContext context, CommandLine line)
    {
        SensorProtocol sensor = context.Sensor;
        if (line.Count < 3)
            return ShellOutput.Error(Usage);
        if (!Arguments.Discovered(sensor, "sensor") || !Arguments.TryId(line, 2, sensor.SensorCount, out uint id))
            return ShellOutcome.Continue;
        Span<byte> name = stackalloc byte[Names.MostBytes];
        ScmiResult result = SensorTable.Find(context, id, out SensorDescriptor descriptor, name, out int nameLength);
        if (!result.IsSuccess)
            return ShellOutput.Failed("sensor", result);

        if (line.Is(1, "read") && line.Count == 3)
        {
            PrintReading(context, descriptor, name.Slice(0, nameLength));
            return ShellOutcome.Continue;
        }
        if (line.Is(1, "watch") && (line.Count == 3 || line.Count == 4))
        {
            uint count = 5;
            if (line.Count == 4 && (!CommandParser.TryParseUInt32(line[3], out count) || count == 0 || count > MostWatched))
                return ShellOutput.Error("bad count (1..100)", line[3]);
            for (uint i = 0; i < count; i++)
            {
                if (i > 0)
                    Clock.Delay(WatchIntervalMicroseconds);
                PrintReading(context, descriptor, name.Slice(0, nameLength));
            }
            return ShellOutcome.Continue;
        }
        if (line.Is(1, "trip") && (line.Count == 5 || line.Count == 6))
        {
            if (!CommandParser.TryParseUInt32(line[3], out uint point) || point >= (uint)descriptor.TripPointCount)
                return ShellOutput.Error("bad trip point (the sensor has fewer)", line[3]);
            SensorTripDirection direction;
            if (line.Is(4, "off"))
                direction = SensorTripDirection.Disabled;
            else if (line.Is(4, "up"))
                direction = SensorTripDirection.Ascending;
            else if (line.Is(4, "down"))
                direction = SensorTripDirection.Descending;
            else if (line.Is(4, "both"))
                direction = SensorTripDirection.Both;
            else
                return ShellOutput.Error("bad direction (off, up, down, both)", line[4]);
            int value = 0;
            if (line.Count == 6 && !CommandParser.TryParseInt32(line[5], out value))
                return ShellOutput.Error("bad value (the sensor's raw units)", line[5]);
            if (direction != SensorTripDirection.Disabled && line.Count != 6)
                return ShellOutput.Error("a trip point needs a value");
            result = sensor.ConfigureTripPoint(id, (int)point, direction, value);
            if (!result.IsSuccess)
                return ShellOutput.Failed("sensor trip", result);
            var text = new LineBuilder(stackalloc char[ShellOutput.LineCapacity]);
            text.Append("sensor ");
            text.Append((ulong)id);
            text.Append(" trip point ");
            text.Append((ulong)point);
            text.Append(direction == SensorTripDirection.Disabled ? " off" : " set");
            ShellOutput.Line(ref text);
            return ShellOutcome.Continue;
        }
        return ShellOutput.Error(Usage);
    }

    private static void PrintReading(ShellContext context, in SensorDescriptor descriptor, ReadOnlySpan<byte> name)
    {
        var text = new LineBuilder(stackalloc char[ShellOutput.LineCapacity]);
        text.Append("sensor ");
        text.Append((ulong)descriptor.Id);
        text.Append(' ');
        text.AppendAscii(name);
        text.Append(": ");
        SensorTable.AppendReading(ref text, context, descriptor);
        ShellOutput.Line(ref text);
    }
}
