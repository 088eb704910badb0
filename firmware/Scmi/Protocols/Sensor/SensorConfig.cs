// A sensor's configuration word (SCMI DEN0056E §4.7.2.9 SENSOR_CONFIG_GET, §4.7.2.10 SENSOR_CONFIG_SET).
namespace Scmi.Protocols;

/// <summary>sensor_config decoded: update interval, rounding, timestamping, enable.</summary>
public struct SensorConfig
{
    /// <summary>Bits 31:16: update interval in units of 10^<see cref="UpdateIntervalExponent"/> seconds; 0 keeps the current one when set.</summary>
    public uint UpdateIntervalSeconds;
    /// <summary>Bits 15:11: signed power-of-ten multiplier of the interval.</summary>
    public int UpdateIntervalExponent;
    /// <summary>Bits 10:9: 0 round down, 1 round up, 2 auto (3 is reserved).</summary>
    public uint Rounding;
    /// <summary>Bit 1: readings carry timestamps.</summary>
    public bool TimestampEnabled;
    /// <summary>Bit 0: the sensor is enabled.</summary>
    public bool Enabled;

    /// <summary>Decodes the word.</summary>
    public static SensorConfig FromWord(uint word) => new SensorConfig
    {
        UpdateIntervalSeconds = word >> 16,
        UpdateIntervalExponent = SensorBits.SignExtend5((word >> 11) & 0x1F),
        Rounding = (word >> 9) & 0x3,
        TimestampEnabled = (word & 2) != 0,
        Enabled = (word & 1) != 0,
    };

    /// <summary>Encodes the word (bits 8:2 reserved, zero).</summary>
    public readonly uint ToWord() =>
        (UpdateIntervalSeconds << 16) | (((uint)UpdateIntervalExponent & 0x1F) << 11) | ((Rounding & 0x3) << 9)
        | (TimestampEnabled ? 2u : 0u) | (Enabled ? 1u : 0u);
}
