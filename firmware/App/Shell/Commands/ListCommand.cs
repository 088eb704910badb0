// `list <protocol> [id]`: the protocol's domains as the inventory shows them, or every rate/level of one clock or perf domain.
using App.Inventory;
using Scmi;

namespace App.Shell.Commands;

/// <summary>Prints one protocol's table (clocks, performance domains, sensors, power/reset/voltage/power-cap domains).</summary>
public static class ListCommand
{
    private const string Usage = "usage: list <protocol> | list clock <id> | list perf <id>";

    public static ShellOutcome Run(ShellContext context, CommandLine line)
    {
        if (line.Count == 1)
        {
            InfoCommand.Print(context.Identity);
            return ShellOutcome.Continue;
        }
        if (line.Count > 3)
            return ShellOutput.Error(Usage);
        if (!ProtocolNames.TryParse(line[1], out byte protocol))
            return ShellOutput.Error("unknown protocol", line[1]);
        if (protocol == (byte)ScmiProtocolId.Base)
        {
            InfoCommand.Print(context.Identity);
            return ShellOutcome.Continue;
        }
        if (!context.Identity.Lists(protocol))
            return ShellOutput.Error("the platform does not offer this protocol", line[1]);
        if (line.Count == 3)
            return RunOne(context, line, (ScmiProtocolId)protocol);
        if (!InventoryReport.PrintTable(context, (ScmiProtocolId)protocol))
            return ShellOutput.Error("no domains to list for", line[1]);
        return ShellOutcome.Continue;
    }

    /// <summary>`list clock|perf <id>`: every rate or level of one domain, where the table shows only the first few.</summary>
    private static ShellOutcome RunOne(ShellContext context, CommandLine line, ScmiProtocolId protocol)
    {
        uint id;
        switch (protocol)
        {
            case ScmiProtocolId.Clock:
                if (Arguments.TryId(line, 2, context.Clock.ClockCount, out id))
                    ClockRateList.Print(context, id);
                return ShellOutcome.Continue;
            case ScmiProtocolId.Performance:
                if (Arguments.TryId(line, 2, context.Performance.DomainCount, out id))
                    PerformanceLevelList.Print(context, id);
                return ShellOutcome.Continue;
            default:
                return ShellOutput.Error(Usage);
        }
    }
}
