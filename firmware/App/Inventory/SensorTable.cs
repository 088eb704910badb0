// The sensors table: id, name, the current reading with its scale applied and its unit, trip points.
using System;
using App.Format;
using App.Shell;
using Nano.Runtime.Native;
using Scmi;
using Scmi.Protocols;

namespace App.Inventory;

/// <summary>One line per sensor (SCMI DEN0056E §4.7): reading × 10^scale in the sensor's unit.</summary>
public static class SensorTable
{
    /// <summary>The most axes a reading is read for (SENSOR_READING_GET returns one reading per axis).</summary>
    public const int MostAxes = 4;

    public static void Print(ShellContext context)
    {
        SensorProtocol sensor = context.Sensor;
        Console.Write("sensors: ");
        Console.WriteLine(sensor.SensorCount);
        Console.Write(Names.Header);
        Console.WriteLine("reading          trip points  axes");
        Span<byte> page = stackalloc byte[context.Agent.MaxPayloadBytes];
        Span<byte> name = stackalloc byte[Names.MostBytes];
        ScmiResult result = sensor.DescribeSensors(page, out SensorDescriptorEnumerator sensors);
        if (!result.IsSuccess)
        {
            ShellOutput.Failed("sensor descriptions", result);
            return;
        }
        while (sensors.TryGetNext(out SensorDescriptor descriptor, name, out int nameLength))
        {
            if (descriptor.HasExtendedName && sensor.GetExtendedName(descriptor.Id, name, out int extended).IsSuccess)
                nameLength = extended;
            PrintOne(context, descriptor, name.Slice(0, nameLength));
        }
        if (!sensors.Result.IsSuccess)
            ShellOutput.Failed("sensor descriptions", sensors.Result);
    }

    /// <summary>Finds sensor <paramref name="id"/>'s descriptor (walking the descriptions), its name into <paramref name="name"/>.</summary>
    public static ScmiResult Find(ShellContext context, uint id, out SensorDescriptor found, Span<byte> name, out int nameLength)
    {
        found = default;
        nameLength = 0;
        Span<byte> page = stackalloc byte[context.Agent.MaxPayloadBytes];
        ScmiResult result = context.Sensor.DescribeSensors(page, out SensorDescriptorEnumerator sensors);
        if (!result.IsSuccess)
            return result;
        while (sensors.TryGetNext(out SensorDescriptor descriptor, name, out nameLength))
        {
            if (descriptor.Id != id)
                continue;
            found = descriptor;
            if (descriptor.HasExtendedName && context.Sensor.GetExtendedName(id, name, out int extended).IsSuccess)
                nameLength = extended;
            return default;
        }
        return sensors.Result.IsSuccess ? ScmiResult.FromStatus(ScmiStatus.NotFound) : sensors.Result;
    }

    public static void PrintOne(ShellContext context, in SensorDescriptor descriptor, ReadOnlySpan<byte> name)
    {
        var line = new LineBuilder(stackalloc char[ShellOutput.LineCapacity]);
        line.Append("  ");
        line.Append((ulong)descriptor.Id);
        line.PadTo(6);
        Names.Append(ref line, name, Names.Column);
        AppendReading(ref line, context, descriptor);
        line.PadTo(Names.Column + 17);
        line.Append((long)descriptor.TripPointCount);
        line.PadTo(Names.Column + 30);
        line.Append((long)descriptor.AxisCount);
        ShellOutput.Line(ref line);
    }

    /// <summary>Reads the sensor now and appends each axis' value with its unit ("45.5 °C").</summary>
    public static void AppendReading(ref LineBuilder line, ShellContext context, in SensorDescriptor descriptor)
    {
        Span<SensorReading> readings = stackalloc SensorReading[MostAxes];
        ScmiResult result = context.Sensor.Read(descriptor.Id, readings, out int count);
        if (!result.IsSuccess)
        {
            Names.AppendFailure(ref line, result);
            return;
        }
        Span<char> unit = stackalloc char[8];
        var unitText = new LineBuilder(unit);
        unitText.AppendUtf8(SensorUnitSymbols.Of(descriptor.Unit));
        Span<char> value = stackalloc char[48];
        for (int i = 0; i < count && i < MostAxes; i++)
        {
            if (i > 0)
                line.Append(", ");
            line.Append(value.Slice(0, Units.Scaled(readings[i].Value, descriptor.Scale, unitText.Text, value)));
        }
    }
}
