// `list <protocol>`: the protocol's domains as the inventory shows them; `list` alone lists the protocols.
using App.Inventory;
using Scmi;

namespace App.Shell.Commands;

/// <summary>Prints one protocol's table (clocks, performance domains, sensors, power/reset/voltage/power-cap domains).</summary>
public static class ListCommand
{
    public static ShellOutcome Run(ShellContext context, CommandLine line)
    {
        if (line.Count == 1)
        {
            InfoCommand.Print(context.Identity);
            return ShellOutcome.Continue;
        }
        if (line.Count != 2)
            return ShellOutput.Error("usage: list <protocol>");
        if (!ProtocolNames.TryParse(line[1], out byte protocol))
            return ShellOutput.Error("unknown protocol", line[1]);
        if (protocol == (byte)ScmiProtocolId.Base)
        {
            InfoCommand.Print(context.Identity);
            return ShellOutcome.Continue;
        }
        if (!context.Identity.Lists(protocol))
            return ShellOutput.Error("the platform does not offer this protocol", line[1]);
        if (!InventoryReport.PrintTable(context, (ScmiProtocolId)protocol))
            return ShellOutput.Error("no domains to list for", line[1]);
        return ShellOutcome.Continue;
    }
}
