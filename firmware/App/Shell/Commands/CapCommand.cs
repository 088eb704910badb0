// `cap get|set <id> [cap]`: a power-capping domain's cap, in the domain's unit (or with W/mW/uW).
using App.Inventory;
using Scmi;
using Scmi.Protocols;

namespace App.Shell.Commands;

/// <summary>POWERCAP_CAP_GET/SET (SCMI DEN0056E §4.10.2).</summary>
public static class CapCommand
{
    private const string Usage = "usage: cap get <id> | cap set <id> <cap, e.g. 5W, 500mW, or the domain's units>";

    public static ShellOutcome Run(ShellContext context, CommandLine line)
    {
        PowerCappingProtocol cap = context.PowerCap;
        if (line.Count < 3)
            return ShellOutput.Error(Usage);
        if (!Arguments.Discovered(cap, "cap") || !Arguments.TryId(line, 2, cap.DomainCount, out uint id))
            return ShellOutcome.Continue;
        if (line.Is(1, "get") && line.Count == 3)
        {
            DomainTables.PrintPowerCapDomain(context, id);
            return ShellOutcome.Continue;
        }
        if (line.Is(1, "set") && line.Count == 4)
        {
            ScmiResult result = cap.GetAttributes(id, out PowerCapDomainAttributes attributes, default, out _);
            if (!result.IsSuccess)
                return ShellOutput.Failed("cap", result);
            if (!TryParseCap(line[3], attributes, out uint value))
                return ShellOutput.Error("bad cap (e.g. 5W, 500mW, or the domain's units)", line[3]);
            result = cap.SetCap(id, value);
            if (!result.IsSuccess)
                return ShellOutput.Failed("cap set", result);
            DomainTables.PrintPowerCapDomain(context, id);
            return ShellOutcome.Continue;
        }
        return ShellOutput.Error(Usage);
    }

    private static bool TryParseCap(System.ReadOnlySpan<char> word, in PowerCapDomainAttributes attributes, out uint value)
    {
        value = 0;
        bool withUnit = word.Length > 0 && (word[word.Length - 1] == 'W' || word[word.Length - 1] == 'w');
        if (!withUnit)
            return CommandParser.TryParseUInt32(word, out value);
        if (!attributes.Milliwatts && !attributes.Microwatts)
            return false;                       // abstract units: watts mean nothing to this domain
        if (!CommandParser.TryParseQuantity(word, "W", 1_000_000, out ulong microwatts))
            return false;
        ulong inUnit = attributes.Milliwatts ? microwatts / 1000 : microwatts;
        if (attributes.Milliwatts && microwatts % 1000 != 0)
            return false;
        if (inUnit > uint.MaxValue)
            return false;
        value = (uint)inUnit;
        return true;
    }
}
