// The shell's names for SCMI protocols ("clock", "perf", "0x14"...) and the names it prints.
using System;

namespace App.Shell;

/// <summary>Maps the words people type to SCMI protocol ids (SCMI DEN0056E §4.1.2, Table 2) and back.</summary>
public static class ProtocolNames
{
    /// <summary>A protocol by name (base, power, system, perf, clock, sensor, reset, voltage, cap, pinctrl) or number (16, 0x14).</summary>
    public static bool TryParse(ReadOnlySpan<char> word, out byte protocol)
    {
        protocol = word.Length == 0 ? (byte)0 : Lookup(word);
        if (protocol != 0)
            return true;
        if (CommandParser.TryParseUInt32(word, out uint number) && number <= 0xFF)
        {
            protocol = (byte)number;
            return true;
        }
        return false;
    }

    /// <summary>The short name the shell accepts for <paramref name="protocol"/>, or null for a protocol it has no name for.</summary>
    public static string? ShortName(byte protocol) => protocol switch
    {
        0x10 => "base",
        0x11 => "power",
        0x12 => "system",
        0x13 => "perf",
        0x14 => "clock",
        0x15 => "sensor",
        0x16 => "reset",
        0x17 => "voltage",
        0x18 => "cap",
        0x19 => "pinctrl",
        _ => null,
    };

    /// <summary>The specification's title of <paramref name="protocol"/>, or "vendor"/"reserved".</summary>
    public static string Title(byte protocol) => protocol switch
    {
        0x10 => "Base",
        0x11 => "Power domain management",
        0x12 => "System power management",
        0x13 => "Performance domain management",
        0x14 => "Clock management",
        0x15 => "Sensor management",
        0x16 => "Reset domain management",
        0x17 => "Voltage domain management",
        0x18 => "Power capping and monitoring",
        0x19 => "Pin control",
        >= 0x80 => "vendor",
        _ => "reserved",
    };

    private static byte Lookup(ReadOnlySpan<char> word)
    {
        for (byte id = 0x10; id <= 0x19; id++)
        {
            string? name = ShortName(id);
            if (name is not null && CommandParser.Matches(word, name))
                return id;
        }
        if (CommandParser.Matches(word, "performance"))
            return 0x13;
        if (CommandParser.Matches(word, "powercap"))
            return 0x18;
        return 0;
    }
}
