// `list clock <id>`: one clock with every rate it supports, one per line, so nothing is elided as in the table.
using System;
using App.Format;
using App.Shell;
using Scmi;
using Scmi.Protocols;

namespace App.Inventory;

/// <summary>Every rate of one clock (SCMI DEN0056E §4.6.2.5 CLOCK_DESCRIBE_RATES, all pages).</summary>
public static class ClockRateList
{
    public static void Print(ShellContext context, uint id)
    {
        ClockProtocol clock = context.Clock;
        var line = new LineBuilder(stackalloc char[ShellOutput.LineCapacity]);
        Span<byte> name = stackalloc byte[Names.MostBytes];
        Span<char> number = stackalloc char[32];
        ScmiResult result = clock.GetAttributes(id, out ClockAttributes attributes, name, out int nameLength);
        if (!result.IsSuccess)
        {
            ShellOutput.Failed("clock attributes", result);
            return;
        }
        if (attributes.HasExtendedName && clock.GetExtendedName(id, name, out int extended).IsSuccess)
            nameLength = extended;
        line.Append("clock ");
        line.Append((ulong)id);
        line.Append(' ');
        line.AppendAscii(name.Slice(0, nameLength));
        line.Append(": ");

        Span<byte> page = stackalloc byte[context.Agent.MaxPayloadBytes];
        result = clock.DescribeRates(id, page, out ClockRateEnumerator rates);
        if (!result.IsSuccess)
        {
            Names.AppendFailure(ref line, result);
            ShellOutput.Line(ref line);
            return;
        }
        if (rates.IsRange)
        {
            ClockTable.AppendRange(ref line, rates.Range);
            ShellOutput.Line(ref line);
            return;
        }
        line.Append((ulong)rates.Count);
        line.Append(" rates");
        ShellOutput.Line(ref line);
        while (rates.TryGetNext(out ulong rate))
        {
            line.Clear();
            line.Append("  ");
            line.Append(number.Slice(0, Units.Frequency(rate, number)));
            ShellOutput.Line(ref line);
        }
        if (!rates.Result.IsSuccess)
            ShellOutput.Failed("clock rates", rates.Result);
    }
}
