// The clocks table: id, name, on/off, current rate and the rates each clock supports, in Hz/kHz/MHz/GHz.
using System;
using App.Format;
using App.Shell;
using Nano.Runtime.Native;
using Scmi;
using Scmi.Protocols;

namespace App.Inventory;

/// <summary>One line per clock (SCMI DEN0056E §4.6).</summary>
public static class ClockTable
{
    private const int MostRatesShown = 4;

    public static void Print(ShellContext context)
    {
        ClockProtocol clock = context.Clock;
        Console.Write("clocks: ");
        Console.WriteLine(clock.ClockCount);
        Console.Write(Names.Header);
        Console.WriteLine("state  rate          supported");
        for (uint id = 0; id < (uint)clock.ClockCount; id++)
            PrintOne(context, id);
    }

    /// <summary>A range clock's rates: "LOW .. HIGH step STEP".</summary>
    public static void AppendRange(ref LineBuilder line, in ClockRateRange range)
    {
        Span<char> number = stackalloc char[32];
        line.Append(number.Slice(0, Units.Frequency(range.Lowest, number)));
        line.Append(" .. ");
        line.Append(number.Slice(0, Units.Frequency(range.Highest, number)));
        line.Append(" step ");
        line.Append(number.Slice(0, Units.Frequency(range.Step, number)));
    }

    public static void PrintOne(ShellContext context, uint id)
    {
        ClockProtocol clock = context.Clock;
        var line = new LineBuilder(stackalloc char[ShellOutput.LineCapacity]);
        Span<byte> name = stackalloc byte[Names.MostBytes];
        Span<char> number = stackalloc char[32];
        line.Append("  ");
        line.Append((ulong)id);
        line.PadTo(6);
        ScmiResult result = clock.GetAttributes(id, out ClockAttributes attributes, name, out int nameLength);
        if (!result.IsSuccess)
        {
            Names.AppendFailure(ref line, result);
            ShellOutput.Line(ref line);
            return;
        }
        if (attributes.HasExtendedName && clock.GetExtendedName(id, name, out int extended).IsSuccess)
            nameLength = extended;
        Names.Append(ref line, name.Slice(0, nameLength), Names.Column);
        line.Append(attributes.Enabled ? "on" : "off");
        line.PadTo(Names.Column + 7);
        result = clock.GetRate(id, out ulong rate);
        if (result.IsSuccess)
            line.Append(number.Slice(0, Units.Frequency(rate, number)));
        else
            Names.AppendFailure(ref line, result);
        line.PadTo(Names.Column + 21);

        Span<byte> page = stackalloc byte[context.Agent.MaxPayloadBytes];
        result = clock.DescribeRates(id, page, out ClockRateEnumerator rates);
        if (!result.IsSuccess)
        {
            Names.AppendFailure(ref line, result);
        }
        else if (rates.IsRange)
        {
            AppendRange(ref line, rates.Range);
        }
        else
        {
            int shown = 0;
            while (shown < MostRatesShown && rates.TryGetNext(out ulong supported))
            {
                if (shown > 0)
                    line.Append(", ");
                line.Append(number.Slice(0, Units.Frequency(supported, number)));
                shown++;
            }
            if (rates.Count > (uint)shown)
            {
                line.Append(" (");
                line.Append((ulong)rates.Count);
                line.Append(" rates)");
            }
        }
        ShellOutput.Line(ref line);
    }
}
