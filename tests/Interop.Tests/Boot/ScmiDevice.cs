// One line of guest/init's "scmi-devices" section: "scmi_dev.N node=protocol@NN driver=DRIVER".
using System.Globalization;

namespace Interop.Tests.Boot;

/// <summary>A device on Linux's SCMI protocol bus, the protocol node it came from, and its driver ("none" when unbound).</summary>
public sealed record ScmiDevice(string Device, byte Protocol, string Driver)
{
    private const string NodePrefix = "node=protocol@";

    public static ScmiDevice? Parse(string line)
    {
        string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || !parts[1].StartsWith(NodePrefix) || !parts[2].StartsWith("driver="))
            return null;
        if (!byte.TryParse(parts[1][NodePrefix.Length..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out byte protocol))
            return null;
        return new ScmiDevice(parts[0], protocol, parts[2]["driver=".Length..]);
    }
}
