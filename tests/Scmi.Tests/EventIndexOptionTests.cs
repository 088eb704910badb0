// ScmiVirtioOptions.EventIndex: VIRTIO_F_EVENT_IDX is accepted only when asked for and offered, and commands round-trip with it.
using Scmi.Tests.Doubles;
using Scmi.Virtio;
using Virtio;

namespace Scmi.Tests;

public class EventIndexOptionTests
{
    private const ulong EventIndexBit = (ulong)VirtioFeatures.EventIndex;

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Event_index_is_accepted_only_when_asked_for_and_offered(bool asked, bool poll)
    {
        var loop = new Loopback(offeredFeatures: Loopback.DefaultFeatures | EventIndexBit,
            options: new ScmiVirtioOptions { SyncTimeoutMicroseconds = 30_000, EventIndex = asked });
        Assert.Equal(ScmiVirtioStart.Ok, loop.Start);
        // virtio 1.3 §2.2.1: the driver accepts a subset of what the device offered.
        Assert.Equal(asked, (loop.Registers.DriverFeatures & EventIndexBit) != 0);
        Assert.Equal(asked, loop.Channel.CommandQueue.EventIndex);
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(ScmiTransportResult.Ok, loop.BaseVersion(poll, out ScmiStatus status, out uint version));
            Assert.Equal(ScmiStatus.Success, status);
            Assert.Equal(0x20000u, version);
        }
        Assert.Equal(0ul, loop.Channel.Counters.Malformed + loop.Channel.Counters.TimedOut + loop.Channel.Counters.RingResets);
    }

    [Fact]
    public void Asking_for_event_index_from_a_device_that_does_not_offer_it_leaves_it_off()
    {
        var loop = new Loopback(options: new ScmiVirtioOptions { SyncTimeoutMicroseconds = 30_000, EventIndex = true });
        Assert.Equal(ScmiVirtioStart.Ok, loop.Start);
        Assert.Equal(0ul, loop.Registers.DriverFeatures & EventIndexBit);
        Assert.False(loop.Channel.CommandQueue.EventIndex);
        Assert.Equal(ScmiTransportResult.Ok, loop.BaseVersion(false, out ScmiStatus status, out _));
        Assert.Equal(ScmiStatus.Success, status);
    }
}
