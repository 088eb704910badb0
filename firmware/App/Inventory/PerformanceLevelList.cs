// `list perf <id>`: one performance domain with every level, its frequency, power cost and transition latency.
using System;
using App.Format;
using App.Shell;
using Scmi;
using Scmi.Protocols;

namespace App.Inventory;

/// <summary>Every level of one performance domain (SCMI DEN0056E §4.5.3.5 PERFORMANCE_DESCRIBE_LEVELS, all pages).</summary>
public static class PerformanceLevelList
{
    public static void Print(ShellContext context, uint id)
    {
        PerformanceProtocol perf = context.Performance;
        var line = new LineBuilder(stackalloc char[ShellOutput.LineCapacity + 40]);
        Span<byte> name = stackalloc byte[Names.MostBytes];
        Span<char> number = stackalloc char[32];
        ScmiResult result = perf.GetDomainAttributes(id, out PerformanceDomainAttributes attributes, name, out int nameLength);
        if (!result.IsSuccess)
        {
            ShellOutput.Failed("perf attributes", result);
            return;
        }
        if (attributes.HasExtendedName && perf.GetExtendedName(id, name, out int extended).IsSuccess)
            nameLength = extended;
        Span<byte> page = stackalloc byte[context.Agent.MaxPayloadBytes];
        result = perf.DescribeLevels(id, page, out PerformanceLevelEnumerator levels);
        if (!result.IsSuccess)
        {
            ShellOutput.Failed("perf levels", result);
            return;
        }
        line.Append("perf ");
        line.Append((ulong)id);
        line.Append(' ');
        line.AppendAscii(name.Slice(0, nameLength));
        line.Append(": ");
        line.Append((ulong)levels.Count);
        line.Append(" levels");
        bool knowsFrequency = attributes.SustainedFrequencyKhz != 0 && attributes.SustainedLevel != 0;
        if (knowsFrequency)
        {
            line.Append(", sustained level ");
            line.Append((ulong)attributes.SustainedLevel);
            line.Append(" at ");
            line.Append(number.Slice(0, Units.Frequency((ulong)attributes.SustainedFrequencyKhz * 1000, number)));
        }
        ShellOutput.Line(ref line);
        line.Clear();
        line.Append("  level     frequency      power cost  latency");
        ShellOutput.Line(ref line);
        while (levels.TryGetNext(out PerformanceLevel level))
        {
            line.Clear();
            line.Append("  ");
            line.Append((ulong)level.Level);
            line.PadTo(12);
            if (knowsFrequency)
                line.Append(number.Slice(0, Units.Frequency(FrequencyHertz(level.Level, attributes), number)));
            else
                line.Append('-');       // the platform gives no sustained frequency to scale by
            line.PadTo(27);
            line.Append((ulong)level.PowerCost);
            line.PadTo(39);
            line.Append((ulong)level.TransitionLatencyMicroseconds);
            line.Append(" us");
            ShellOutput.Line(ref line);
        }
        if (!levels.Result.IsSuccess)
            ShellOutput.Failed("perf levels", levels.Result);
    }

    /// <summary>
    /// A level's frequency, scaled linearly by the sustained point (multiplied before dividing, so no precision
    /// is lost to a per-level factor).
    /// SCMI (DEN0056E) §4.5.3.4 PERFORMANCE_DOMAIN_ATTRIBUTES: the sustained frequency is that of the sustained performance level.
    /// </summary>
    public static ulong FrequencyHertz(uint level, in PerformanceDomainAttributes attributes) =>
        (ulong)level * attributes.SustainedFrequencyKhz * 1000 / attributes.SustainedLevel;
}
