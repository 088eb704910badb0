// `perf get|set|limits <id> [level | min max]`: a performance domain's level and limits.
using App.Format;
using App.Inventory;
using Scmi;
using Scmi.Protocols;

namespace App.Shell.Commands;

/// <summary>PERFORMANCE_LEVEL_GET/SET and PERFORMANCE_LIMITS_GET/SET (SCMI DEN0056E §4.5.3).</summary>
public static class PerfCommand
{
    private const string Usage = "usage: perf get <id> | perf set <id> <level> | perf limits <id> [min max]";

    public static ShellOutcome Run(ShellContext context, CommandLine line)
    {
        PerformanceProtocol perf = context.Performance;
        if (line.Count < 3)
            return ShellOutput.Error(Usage);
        if (!Arguments.Discovered(perf, "perf") || !Arguments.TryId(line, 2, perf.DomainCount, out uint id))
            return ShellOutcome.Continue;
        ScmiResult result;
        if (line.Is(1, "get") && line.Count == 3)
        {
            PerformanceTable.PrintOne(context, id);
            return ShellOutcome.Continue;
        }
        if (line.Is(1, "set") && line.Count == 4)
        {
            if (!CommandParser.TryParseUInt32(line[3], out uint level))
                return ShellOutput.Error("bad level", line[3]);
            result = perf.SetLevel(id, level);
            if (!result.IsSuccess)
                return ShellOutput.Failed("perf set", result);
            PerformanceTable.PrintOne(context, id);
            return ShellOutcome.Continue;
        }
        if (line.Is(1, "limits") && (line.Count == 3 || line.Count == 5))
        {
            if (line.Count == 5)
            {
                if (!CommandParser.TryParseUInt32(line[3], out uint min))
                    return ShellOutput.Error("bad minimum", line[3]);
                if (!CommandParser.TryParseUInt32(line[4], out uint max))
                    return ShellOutput.Error("bad maximum", line[4]);
                if (min > max)
                    return ShellOutput.Error("the minimum is above the maximum");
                result = perf.SetLimits(id, new PerformanceLimits { Min = min, Max = max });
                if (!result.IsSuccess)
                    return ShellOutput.Failed("perf limits", result);
            }
            result = perf.GetLimits(id, out PerformanceLimits limits);
            if (!result.IsSuccess)
                return ShellOutput.Failed("perf limits", result);
            var text = new LineBuilder(stackalloc char[ShellOutput.LineCapacity]);
            text.Append("perf ");
            text.Append((ulong)id);
            text.Append(" limits ");
            text.Append((ulong)limits.Min);
            text.Append("..");
            text.Append((ulong)limits.Max);
            ShellOutput.Line(ref text);
            return ShellOutcome.Continue;
        }
        return ShellOutput.Error(Usage);
    }
}
