// scmi-platform --null: the benchmarks' floor answers SUCCESS at once with fixed zero values, and only when asked for.
using System.Buffers.Binary;
using ScmiPlatform.Daemon;
using ScmiPlatform.Device;
using Xunit;

namespace Platform.Tests.Daemon;

public sealed class NullPlatformTests
{
    private static readonly byte[] ClockRateGet = [0x06, 0x50, 0x15, 0x00, 0x01, 0x00, 0x00, 0x00];

    [Fact]
    public void Null_option_builds_the_null_model_and_its_absence_the_scmi_model()
    {
        DaemonOptions withNull = DaemonOptions.Parse(["--socket-path", "s", "--null"], out string? error)!;
        Assert.Null(error);
        Assert.True(withNull.NullPlatform);
        Assert.IsType<NullPlatformModel>(ModelFactory.Create(withNull, TransportLog.Silent));

        DaemonOptions without = DaemonOptions.Parse(["--socket-path", "s"], out _)!;
        Assert.False(without.NullPlatform);
        Assert.IsNotType<NullPlatformModel>(ModelFactory.Create(without, TransportLog.Silent));
    }

    [Theory]
    [InlineData(32, 16)]   // room for everything: header, status, 8 value bytes
    [InlineData(12, 12)]   // a 4-byte answer (PROTOCOL_VERSION): the values are cut to the reply area
    [InlineData(8, 8)]     // status only
    public void Every_command_is_answered_success_with_the_header_echoed_and_zero_values(int replyArea, int expectedLength)
    {
        byte[] reply = new byte[replyArea];
        reply.AsSpan().Fill(0xEE);
        int length = NullPlatformModel.WriteReply(ClockRateGet, reply);
        Assert.Equal(expectedLength, length);
        Assert.Equal(BinaryPrimitives.ReadUInt32LittleEndian(ClockRateGet), BinaryPrimitives.ReadUInt32LittleEndian(reply));
        Assert.Equal(0, BinaryPrimitives.ReadInt32LittleEndian(reply.AsSpan(4)));
        Assert.All(reply.AsSpan(8, length - 8).ToArray(), b => Assert.Equal(0, b));
        Assert.All(reply.AsSpan(length).ToArray(), b => Assert.Equal(0xEE, b));
    }

    [Fact]
    public void A_reply_area_without_room_for_the_status_gets_nothing()
    {
        Assert.Equal(0, NullPlatformModel.WriteReply(ClockRateGet, new byte[7]));
    }

    [Fact]
    public void A_malformed_request_is_answered_comms_error_not_success()
    {
        byte[] reply = new byte[16];
        Assert.Equal(8, new NullPlatformModel().OnMalformed(ClockRateGet, reply));
        Assert.Equal(NotSupportedModel.CommsError, BinaryPrimitives.ReadInt32LittleEndian(reply.AsSpan(4)));
    }
}
