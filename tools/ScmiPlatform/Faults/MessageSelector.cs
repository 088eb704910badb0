// Names which commands a fault applies to: PROTOCOL.MESSAGE, e.g. CLOCK.RATE_GET, BASE.*, 0x14.0x6, *.
using ScmiPlatform.Protocols;
using ScmiPlatform.Scmi;

namespace ScmiPlatform.Faults;

/// <summary>A set of commands by protocol and message id; null parts match anything.</summary>
public sealed record MessageSelector(byte? ProtocolId, byte? MessageId, string Text)
{
    /// <summary>Matches every command.</summary>
    public static readonly MessageSelector Any = new(null, null, "*");

    /// <summary>The message enum of each standard protocol, used to resolve names.</summary>
    public static readonly IReadOnlyDictionary<ScmiProtocolId, Type> MessageEnums = new Dictionary<ScmiProtocolId, Type>
    {
        [ScmiProtocolId.Base] = typeof(BaseMessage),
        [ScmiProtocolId.PowerDomain] = typeof(PowerDomainMessage),
        [ScmiProtocolId.SystemPower] = typeof(SystemPowerMessage),
        [ScmiProtocolId.Performance] = typeof(PerformanceMessage),
        [ScmiProtocolId.Clock] = typeof(ClockMessage),
        [ScmiProtocolId.Sensor] = typeof(SensorMessage),
        [ScmiProtocolId.ResetDomain] = typeof(ResetDomainMessage),
        [ScmiProtocolId.VoltageDomain] = typeof(VoltageDomainMessage),
        [ScmiProtocolId.PowerCapping] = typeof(PowerCapMessage),
    };

    /// <summary>True when the command with this header is selected.</summary>
    public bool Matches(ScmiHeader header) =>
        (ProtocolId is null || ProtocolId == header.ProtocolId) && (MessageId is null || MessageId == header.MessageId);

    /// <inheritdoc/>
    public override string ToString() => Text;

    /// <summary>Parses a selector; returns null and a problem description when it names nothing.</summary>
    public static MessageSelector? TryParse(string text, out string? problem)
    {
        problem = null;
        string trimmed = text.Trim();
        if (trimmed == "*") return Any;
        int dot = trimmed.IndexOf('.');
        string protocolPart = dot < 0 ? trimmed : trimmed[..dot];
        string? messagePart = dot < 0 ? null : trimmed[(dot + 1)..];

        byte? protocol = null;
        if (protocolPart != "*")
        {
            protocol = ParseProtocol(protocolPart);
            if (protocol is null)
            {
                problem = $"unknown protocol \"{protocolPart}\" in \"{text}\" (use BASE, POWER, SYSTEM, PERF, CLOCK, SENSOR, RESET, VOLTAGE, POWERCAP, a number, or *)";
                return null;
            }
        }
        if (messagePart is null || messagePart == "*") return new MessageSelector(protocol, null, trimmed);
        if (TryNumber(messagePart, out byte number)) return new MessageSelector(protocol, number, trimmed);
        if (protocol is null || !MessageEnums.TryGetValue((ScmiProtocolId)protocol, out var enumType))
        {
            problem = $"message names need a known protocol in \"{text}\"; use a number instead";
            return null;
        }
        string wanted = messagePart.ToUpperInvariant();
        var names = Enum.GetValues(enumType).Cast<object>()
            .Select(v => (Name: MessageNames.ToSpecSpelling(Enum.GetName(enumType, v)!), Id: Convert.ToByte(v)))
            .ToList();
        var exact = names.Where(n => n.Name == wanted).ToList();
        var candidates = exact.Count > 0 ? exact : names.Where(n => n.Name.EndsWith("_" + wanted, StringComparison.Ordinal)).ToList();
        if (candidates.Count == 1) return new MessageSelector(protocol, candidates[0].Id, trimmed);
        problem = candidates.Count == 0
            ? $"unknown message \"{messagePart}\" in \"{text}\" (known: {string.Join(", ", names.Select(n => n.Name))})"
            : $"\"{messagePart}\" is ambiguous in \"{text}\" ({string.Join(", ", candidates.Select(n => n.Name))})";
        return null;
    }

    private static byte? ParseProtocol(string text)
    {
        if (TryNumber(text, out byte number)) return number;
        string upper = text.ToUpperInvariant();
        foreach (ScmiProtocolId id in Enum.GetValues<ScmiProtocolId>())
            if (MessageNames.ProtocolName((byte)id) == upper) return (byte)id;
        return upper switch
        {
            "PERFORMANCE" => (byte)ScmiProtocolId.Performance,
            "POWER_DOMAIN" => (byte)ScmiProtocolId.PowerDomain,
            "SYSTEM_POWER" => (byte)ScmiProtocolId.SystemPower,
            "RESET_DOMAIN" => (byte)ScmiProtocolId.ResetDomain,
            "VOLTAGE_DOMAIN" => (byte)ScmiProtocolId.VoltageDomain,
            "POWER_CAPPING" => (byte)ScmiProtocolId.PowerCapping,
            _ => null,
        };
    }

    private static bool TryNumber(string text, out byte value)
    {
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return byte.TryParse(text.AsSpan(2), System.Globalization.NumberStyles.HexNumber, null, out value);
        return byte.TryParse(text, out value);
    }
}
