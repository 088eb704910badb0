// `power get|set <id> [on|off|state]`: a power domain's state.
using Scmi;
using Scmi.Protocols;
using App.Inventory;

namespace App.Shell.Commands;

/// <summary>POWER_STATE_GET/SET (SCMI DEN0056E §4.3.2).</summary>
public static class PowerCommand
{
    private const string Usage = "usage: power get <id> | power set <id> on|off|<state>";

    public static ShellOutcome Run(ShellContext context, CommandLine line)
    {
        PowerDomainProtocol power = context.Power;
        if (line.Count < 3)
            return ShellOutput.Error(Usage);
        if (!Arguments.Discovered(power, "power") || !Arguments.TryId(line, 2, power.DomainCount, out uint id))
            return ShellOutcome.Continue;
        if (line.Is(1, "get") && line.Count == 3)
        {
            DomainTables.PrintPowerDomain(context, id);
            return ShellOutcome.Continue;
        }
        if (line.Is(1, "set") && line.Count == 4)
        {
            uint state;
            if (line.Is(3, "on"))
                state = PowerDomainProtocol.StateOn;
            else if (line.Is(3, "off"))
                state = PowerDomainProtocol.StateOff;
            else if (!CommandParser.TryParseUInt32(line[3], out state))
                return ShellOutput.Error("bad state (on, off or a number)", line[3]);
            ScmiResult result = power.SetState(id, state);
            if (!result.IsSuccess)
                return ShellOutput.Failed("power set", result);
            DomainTables.PrintPowerDomain(context, id);
            return ShellOutcome.Continue;
        }
        return ShellOutput.Error(Usage);
    }
}
