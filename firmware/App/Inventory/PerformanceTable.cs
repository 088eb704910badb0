// The performance domains table: id, name, current level, limits, and the levels each domain offers.
using System;
using App.Format;
using App.Shell;
using Nano.Runtime.Native;
using Scmi;
using Scmi.Protocols;

namespace App.Inventory;

/// <summary>One line per performance domain (SCMI DEN0056E §4.5); levels are the platform's abstract units.</summary>
public static class PerformanceTable
{
    private const int MostLevelsShown = 6;

    public static void Print(ShellContext context)
    {
        Console.Write("performance domains: ");
        Console.WriteLine(context.Performance.DomainCount);
        Console.Write(Names.Header);
        Console.WriteLine("level   limits          sustained        levels");
        for (uint id = 0; id < (uint)context.Performance.DomainCount; id++)
            PrintOne(context, id);
    }

    public static void PrintOne(ShellContext context, uint id)
    {
        PerformanceProtocol perf = context.Performance;
        var line = new LineBuilder(stackalloc char[ShellOutput.LineCapacity + 40]);
        Span<byte> name = stackalloc byte[Names.MostBytes];
        Span<char> number = stackalloc char[32];
        line.Append("  ");
        line.Append((ulong)id);
        line.PadTo(6);
        ScmiResult result = perf.GetDomainAttributes(id, out PerformanceDomainAttributes attributes, name, out int nameLength);
        if (!result.IsSuccess)
        {
            Names.AppendFailure(ref line, result);
            ShellOutput.Line(ref line);
            return;
        }
        if (attributes.HasExtendedName && perf.GetExtendedName(id, name, out int extended).IsSuccess)
            nameLength = extended;
        Names.Append(ref line, name.Slice(0, nameLength), Names.Column);
        result = perf.GetLevel(id, out uint level);
        if (result.IsSuccess)
            line.Append((ulong)level);
        else
            Names.AppendFailure(ref line, result);
        line.PadTo(Names.Column + 8);
        result = perf.GetLimits(id, out PerformanceLimits limits);
        if (result.IsSuccess)
        {
            line.Append((ulong)limits.Min);
            line.Append("..");
            line.Append((ulong)limits.Max);
        }
        else
        {
            Names.AppendFailure(ref line, result);
        }
        line.PadTo(Names.Column + 24);
        if (attributes.SustainedFrequencyKhz == 0)
            line.Append('-');          // the platform does not say
        else
            line.Append(number.Slice(0, Units.Frequency((ulong)attributes.SustainedFrequencyKhz * 1000, number)));
        line.PadTo(Names.Column + 41);

        Span<byte> page = stackalloc byte[context.Agent.MaxPayloadBytes];
        result = perf.DescribeLevels(id, page, out PerformanceLevelEnumerator levels);
        if (!result.IsSuccess)
        {
            Names.AppendFailure(ref line, result);
        }
        else
        {
            int shown = 0;
            while (shown < MostLevelsShown && levels.TryGetNext(out PerformanceLevel offered))
            {
                if (shown > 0)
                    line.Append(' ');
                line.Append((ulong)offered.Level);
                shown++;
            }
            if (levels.Count > (uint)shown)
            {
                line.Append(" (");
                line.Append((ulong)levels.Count);
                line.Append(" levels)");
            }
        }
        ShellOutput.Line(ref line);
    }
}
