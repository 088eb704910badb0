// The SCMI header and status (DEN0056E §4.1.2, §4.1.4): field layout, refusals, the status mapping.
namespace Scmi.Tests;

public class HeaderTests
{
    [Fact]
    public void Fields_sit_at_the_bits_the_spec_gives()
    {
        Assert.True(ScmiHeader.Create(0x14, 0x06, ScmiMessageType.Command, 0x3FF, out ScmiHeader header));
        Assert.Equal(0x06u | (0x14u << 10) | (0x3FFu << 18), header.Value);
        Assert.Equal(0x14, header.ProtocolId);
        Assert.Equal(0x06, header.MessageId);
        Assert.Equal(0x3FF, header.Token);
        Assert.Equal(ScmiMessageType.Command, header.Type);
    }

    [Theory]
    [InlineData(ScmiMessageType.Command, 0u)]
    [InlineData(ScmiMessageType.DelayedResponse, 2u)]
    [InlineData(ScmiMessageType.Notification, 3u)]
    public void The_type_is_bits_9_to_8(ScmiMessageType type, uint bits)
    {
        Assert.True(ScmiHeader.Create(0, 0, type, 0, out ScmiHeader header));
        Assert.Equal(bits << 8, header.Value);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1024)]
    public void A_token_outside_10_bits_is_refused(int token) =>
        Assert.False(ScmiHeader.Create(0x10, 0, ScmiMessageType.Command, token, out _));

    [Fact]
    public void The_reserved_type_1_is_refused() =>
        Assert.False(ScmiHeader.Create(0x10, 0, (ScmiMessageType)1, 0, out _));

    [Fact]
    public void Every_field_round_trips()
    {
        var random = new Random(7);
        for (int i = 0; i < 10_000; i++)
        {
            byte protocol = (byte)random.Next(256), message = (byte)random.Next(256);
            int token = random.Next(1024);
            var type = (ScmiMessageType)new[] { 0, 2, 3 }[random.Next(3)];
            Assert.True(ScmiHeader.Create(protocol, message, type, token, out ScmiHeader header));
            Assert.Equal((protocol, message, type, token, false), (header.ProtocolId, header.MessageId, header.Type, header.Token, header.HasReservedBits));
            Assert.Equal(token ^ 1, header.WithToken(token ^ 1).Token);
            Assert.Equal(protocol, header.WithToken(token ^ 1).ProtocolId);
        }
    }

    [Fact]
    public void Reserved_bits_are_seen() => Assert.True(new ScmiHeader(0x1000_0000).HasReservedBits);

    [Fact]
    public void Status_codes_mirror_the_spec()
    {
        Assert.Equal(0, (int)ScmiStatus.Success);
        Assert.Equal(-6, (int)ScmiStatus.Busy);
        Assert.Equal(-11, (int)ScmiStatus.InUse);
        for (int wire = -11; wire <= 0; wire++)
            Assert.Equal(wire, (int)ScmiStatusCodes.FromWire(wire));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-12)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void An_undefined_status_is_named_unknown(int wire) => Assert.Equal(ScmiStatus.Unknown, ScmiStatusCodes.FromWire(wire));

    [Fact]
    public void Protocol_ids_are_the_specs() =>
        Assert.Equal([0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19], Enum.GetValues<ScmiProtocolId>().Select(p => (int)p));
}
