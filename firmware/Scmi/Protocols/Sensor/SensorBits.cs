// Bit-field helpers the sensor messages share: 5-bit signed exponents (scale, timestamp, resolution, interval multiplier).
namespace Scmi.Protocols;

/// <summary>Decodes the sensor protocol's small signed fields.</summary>
internal static class SensorBits
{
    /// <summary>A 5-bit two's complement field as an int (-16..15).</summary>
    public static int SignExtend5(uint field) => (int)(field << 27) >> 27;
}
