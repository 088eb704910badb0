// Spec spellings for enum members used in traces and fault selectors: ClockRateSet -> CLOCK_RATE_SET.
using System.Text;

namespace ScmiPlatform.Scmi;

/// <summary>Converts PascalCase enum member names to the spec's upper snake case.</summary>
public static class MessageNames
{
    /// <summary>ClockRateSet becomes CLOCK_RATE_SET; digits stay attached to the word before them.</summary>
    public static string ToSpecSpelling(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 8);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (i > 0 && char.IsUpper(c) && (char.IsLower(pascal[i - 1]) || char.IsDigit(pascal[i - 1])))
                builder.Append('_');
            builder.Append(char.ToUpperInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>The spec name of message <paramref name="id"/> in <typeparamref name="TMessage"/>, or "MSG_0xNN".</summary>
    public static string Of<TMessage>(byte id) where TMessage : struct, Enum =>
        Enum.IsDefined(typeof(TMessage), id) ? ToSpecSpelling(Enum.GetName(typeof(TMessage), id)!) : $"MSG_0x{id:X2}";

    /// <summary>Short protocol names used by traces and fault selectors.</summary>
    public static string ProtocolName(byte protocolId) => (ScmiProtocolId)protocolId switch
    {
        ScmiProtocolId.Base => "BASE",
        ScmiProtocolId.PowerDomain => "POWER",
        ScmiProtocolId.SystemPower => "SYSTEM",
        ScmiProtocolId.Performance => "PERF",
        ScmiProtocolId.Clock => "CLOCK",
        ScmiProtocolId.Sensor => "SENSOR",
        ScmiProtocolId.ResetDomain => "RESET",
        ScmiProtocolId.VoltageDomain => "VOLTAGE",
        ScmiProtocolId.PowerCapping => "POWERCAP",
        ScmiProtocolId.PinControl => "PINCTRL",
        _ => $"PROTO_0x{protocolId:X2}",
    };
}
