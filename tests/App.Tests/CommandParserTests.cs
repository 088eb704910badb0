// The shell's lexer and number parsers: what they accept and, in pairs, what they refuse.
using App.Shell;

namespace App.Tests;

public class CommandParserTests
{
    private static string[] Words(string line, int capacity = CommandParser.MaximumWords)
    {
        var tokens = new Token[capacity];
        int count = CommandParser.Tokenize(line, tokens);
        if (count < 0)
            return ["<too many>"];
        return tokens.Take(count).Select(t => line.Substring(t.Start, t.Length)).ToArray();
    }

    [Theory]
    [InlineData("clock set 0 100MHz", new[] { "clock", "set", "0", "100MHz" })]
    [InlineData("   info   ", new[] { "info" })]
    [InlineData("a\tb", new[] { "a", "b" })]
    [InlineData("", new string[0])]
    [InlineData("stats # counters", new[] { "stats" })]
    [InlineData("# only a comment", new string[0])]
    public void Lines_split_into_words_at_spaces(string line, string[] expected) => Assert.Equal(expected, Words(line));

    [Fact]
    public void More_words_than_tokens_is_refused_not_truncated()
    {
        Assert.Equal(["<too many>"], Words("a b c", 2));
        Assert.Equal(["a", "b"], Words("a b", 2));
    }

    [Fact]
    public void Keywords_match_in_any_case_but_whole()
    {
        Assert.True(CommandParser.Matches("CLOCK", "clock"));
        Assert.False(CommandParser.Matches("clocks", "clock"));
        Assert.False(CommandParser.Matches("cloc", "clock"));
    }

    [Theory]
    [InlineData("0", 0UL)]
    [InlineData("42", 42UL)]
    [InlineData("0x2A", 42UL)]
    [InlineData("0xffffffffffffffff", ulong.MaxValue)]
    [InlineData("18446744073709551615", ulong.MaxValue)]
    public void Unsigned_numbers_in_decimal_and_hex(string text, ulong expected)
    {
        Assert.True(CommandParser.TryParseUInt64(text, out ulong value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("12a")]
    [InlineData("0x")]
    [InlineData("0xg")]
    [InlineData("18446744073709551616")]
    [InlineData("0x10000000000000000")]
    [InlineData(" 1")]
    public void Unsigned_numbers_refuse_signs_junk_and_overflow(string text) => Assert.False(CommandParser.TryParseUInt64(text, out _));

    [Fact]
    public void Thirty_two_bit_numbers_refuse_what_does_not_fit()
    {
        Assert.True(CommandParser.TryParseUInt32("4294967295", out uint max));
        Assert.Equal(uint.MaxValue, max);
        Assert.False(CommandParser.TryParseUInt32("4294967296", out _));
        Assert.True(CommandParser.TryParseInt32("-2147483648", out int min));
        Assert.Equal(int.MinValue, min);
        Assert.False(CommandParser.TryParseInt32("-2147483649", out _));
        Assert.False(CommandParser.TryParseInt32("2147483648", out _));
        Assert.False(CommandParser.TryParseInt32("-", out _));
    }

    [Fact]
    public void Hex_words_with_or_without_0x_up_to_their_width()
    {
        Assert.True(CommandParser.TryParseHex("deadBEEF", 8, out ulong word));
        Assert.Equal(0xDEADBEEFUL, word);
        Assert.True(CommandParser.TryParseHex("0x10", 8, out ulong small));
        Assert.Equal(0x10UL, small);
        Assert.False(CommandParser.TryParseHex("123456789", 8, out _));
        Assert.False(CommandParser.TryParseHex("12g4", 8, out _));
        Assert.False(CommandParser.TryParseHex("", 8, out _));
    }

    [Theory]
    [InlineData("100MHz", 100_000_000UL)]
    [InlineData("100M", 100_000_000UL)]
    [InlineData("32.768kHz", 32_768UL)]
    [InlineData("1.2GHz", 1_200_000_000UL)]
    [InlineData("1000", 1000UL)]
    [InlineData("1000hz", 1000UL)]
    [InlineData(".5k", 500UL)]
    public void Frequencies_with_prefixes_and_fractions(string text, ulong hertz)
    {
        Assert.True(CommandParser.TryParseQuantity(text, "Hz", 1, out ulong value));
        Assert.Equal(hertz, value);
    }

    [Theory]
    [InlineData("1.5")]          // not a whole number of hertz
    [InlineData("1.2345kHz")]    // a fraction of a hertz
    [InlineData("100 MHz")]      // one word only (the space splits it before)
    [InlineData("100XHz")]
    [InlineData("1..2k")]
    [InlineData("1.k")]
    [InlineData("Hz")]
    [InlineData("")]
    [InlineData("99999999999G")] // overflows 64 bits
    public void Frequencies_refuse_fractions_of_a_unit_junk_and_overflow(string text)
        => Assert.False(CommandParser.TryParseQuantity(text, "Hz", 1, out _));

    [Theory]
    [InlineData("900mV", 900_000UL)]
    [InlineData("1.8V", 1_800_000UL)]
    [InlineData("1.8", 1_800_000UL)]
    [InlineData("250uV", 250UL)]
    public void Voltages_in_microvolts(string text, ulong microvolts)
    {
        Assert.True(CommandParser.TryParseQuantity(text, "V", 1_000_000, out ulong value));
        Assert.Equal(microvolts, value);
    }

    [Fact]
    public void Protocols_by_name_or_number()
    {
        Assert.True(ProtocolNames.TryParse("clock", out byte clock));
        Assert.Equal(0x14, clock);
        Assert.True(ProtocolNames.TryParse("PERF", out byte perf));
        Assert.Equal(0x13, perf);
        Assert.True(ProtocolNames.TryParse("0x18", out byte cap));
        Assert.Equal(0x18, cap);
        Assert.True(ProtocolNames.TryParse("16", out byte baseId));
        Assert.Equal(0x10, baseId);
        Assert.False(ProtocolNames.TryParse("clocks", out _));
        Assert.False(ProtocolNames.TryParse("256", out _));
        Assert.False(ProtocolNames.TryParse("", out _));
    }
}
