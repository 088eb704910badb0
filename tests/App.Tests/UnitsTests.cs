// Unit formatting for people: the largest unit, up to three decimals, trailing zeros dropped, signs and scales.
using App.Format;

namespace App.Tests;

public class UnitsTests
{
    private delegate int Formatter(Span<char> destination);

    private static string Format(Formatter format)
    {
        Span<char> buffer = stackalloc char[64];
        int written = format(buffer);
        return buffer.Slice(0, written).ToString();
    }

    [Theory]
    [InlineData(0UL, "0 Hz")]
    [InlineData(999UL, "999 Hz")]
    [InlineData(1000UL, "1 kHz")]
    [InlineData(32_768UL, "32.768 kHz")]
    [InlineData(1_500_000UL, "1.5 MHz")]
    [InlineData(800_000_000UL, "800 MHz")]
    [InlineData(1_200_000_000UL, "1.2 GHz")]
    [InlineData(1_000_000_001UL, "1 GHz")]          // below a thousandth: truncated, never rounded up
    [InlineData(2_999_999_999UL, "2.999 GHz")]
    [InlineData(ulong.MaxValue, "18446744073.709 GHz")]
    public void Frequencies(ulong hertz, string expected) => Assert.Equal(expected, Format(d => Units.Frequency(hertz, d)));

    [Theory]
    [InlineData(900_000L, "900 mV")]
    [InlineData(1_800_000L, "1.8 V")]
    [InlineData(250L, "250 uV")]
    [InlineData(-5_000L, "-5 mV")]
    [InlineData(0L, "0 uV")]
    [InlineData(long.MinValue, "-9223372036854.775 V")]
    public void Voltages(long microvolts, string expected) => Assert.Equal(expected, Format(d => Units.Voltage(microvolts, d)));

    [Theory]
    [InlineData(1_500_000L, "1.5 W")]
    [InlineData(250_000L, "250 mW")]
    public void Powers(long microwatts, string expected) => Assert.Equal(expected, Format(d => Units.Power(microwatts, d)));

    [Theory]
    [InlineData(45_500L, -3, "°C", "45.5 °C")]
    [InlineData(-1_250L, -2, "°C", "-12.5 °C")]
    [InlineData(5L, -3, "mV", "0.005 mV")]
    [InlineData(12L, 0, "mA", "12 mA")]
    [InlineData(12L, 3, "mW", "12000 mW")]
    [InlineData(7L, -12, "V", "7e-12 V")]
    [InlineData(100L, -2, "", "1")]
    [InlineData(long.MinValue, -1, "", "-922337203685477580.8")]
    public void Sensor_readings_apply_the_scale(long value, int exponent, string unit, string expected)
        => Assert.Equal(expected, Format(d => Units.Scaled(value, exponent, unit, d)));

    [Fact]
    public void A_span_too_short_writes_nothing()
    {
        Span<char> tiny = stackalloc char[3];
        Assert.Equal(0, Units.Frequency(800_000_000, tiny));
        Assert.Equal(0, Units.Scaled(45_500, -3, "°C", tiny));
    }

    [Fact]
    public void LineBuilder_pads_aligns_and_cuts_off_what_does_not_fit()
    {
        Span<char> buffer = stackalloc char[12];
        var line = new LineBuilder(buffer);
        line.Append("id");
        line.PadTo(4);
        line.AppendRight("42", 4);
        Assert.Equal("id    42", line.Text.ToString());
        line.AppendHex(0xAB, 4);
        Assert.True(line.Overflowed);
        Assert.Equal("id    420x00", line.Text.ToString());
        var wide = new LineBuilder(stackalloc char[20]);
        wide.AppendHex(0x1234_5678_9ABCUL, 8);
        Assert.Equal("0x123456789ABC", wide.Text.ToString());
        wide.Clear();
        wide.AppendHex(0x1F, 4);
        Assert.Equal("0x001F", wide.Text.ToString());
    }
}
