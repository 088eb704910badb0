// One update interval a sensor offers (SCMI DEN0056E §4.7.2.8: bits 20:5 seconds, bits 4:0 signed power-of-ten multiplier).
namespace Scmi.Protocols;

/// <summary><see cref="Seconds"/> × 10^<see cref="Exponent"/> seconds.</summary>
public struct SensorUpdateInterval
{
    /// <summary>Bits 20:5.</summary>
    public uint Seconds;
    /// <summary>Bits 4:0, signed.</summary>
    public int Exponent;

    /// <summary>Decodes one interval word.</summary>
    public static SensorUpdateInterval FromWord(uint word) => new SensorUpdateInterval
    {
        Seconds = (word >> 5) & 0xFFFF,
        Exponent = SensorBits.SignExtend5(word & 0x1F),
    };
}
