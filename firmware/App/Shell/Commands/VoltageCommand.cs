// `voltage get|set <id> [level]`: a voltage domain's level (900mV, 1.8V, or microvolts).
using App.Inventory;
using Scmi;
using Scmi.Protocols;

namespace App.Shell.Commands;

/// <summary>VOLTAGE_LEVEL_GET/SET (SCMI DEN0056E §4.9.2).</summary>
public static class VoltageCommand
{
    private const string Usage = "usage: voltage get <id> | voltage set <id> <level, e.g. 900mV>";

    public static ShellOutcome Run(ShellContext context, CommandLine line)
    {
        VoltageDomainProtocol voltage = context.Voltage;
        if (line.Count < 3)
            return ShellOutput.Error(Usage);
        if (!Arguments.Discovered(voltage, "voltage") || !Arguments.TryId(line, 2, voltage.DomainCount, out uint id))
            return ShellOutcome.Continue;
        if (line.Is(1, "get") && line.Count == 3)
        {
            DomainTables.PrintVoltageDomain(context, id);
            return ShellOutcome.Continue;
        }
        if (line.Is(1, "set") && line.Count == 4)
        {
            // A bare number is microvolts (the protocol's unit); "900mV" and "1.8V" are converted.
            ulong microvolts;
            bool parsed = line[3].Length > 0 && (line[3][line[3].Length - 1] == 'V' || line[3][line[3].Length - 1] == 'v')
                ? CommandParser.TryParseQuantity(line[3], "V", 1_000_000, out microvolts)
                : CommandParser.TryParseUInt64(line[3], out microvolts);
            if (!parsed || microvolts > int.MaxValue)
                return ShellOutput.Error("bad level (e.g. 900mV, 1.8V, or microvolts)", line[3]);
            ScmiResult result = voltage.SetLevel(id, (int)microvolts);
            if (!result.IsSuccess)
                return ShellOutput.Failed("voltage set", result);
            DomainTables.PrintVoltageDomain(context, id);
            return ShellOutcome.Continue;
        }
        return ShellOutput.Error(Usage);
    }
}
