// The optional one-line-per-message trace: what it prints for a send, a reply, a rejection and a repair.
using Scmi.Tests.Doubles;
using Scmi.Virtio;

namespace Scmi.Tests;

public class TraceTests
{
    private sealed class ListSink : ScmiTraceSink
    {
        public List<string> Lines { get; } = new();
        public override void WriteLine(ReadOnlySpan<char> line) => Lines.Add(line.ToString());
    }

    [Fact]
    public void Each_message_gets_a_compact_line()
    {
        var sink = new ListSink();
        var loop = new Loopback(options: new ScmiVirtioOptions { Trace = sink, SyncTimeoutMicroseconds = 30_000 });
        Assert.Equal(ScmiTransportResult.Ok, loop.BaseVersion(false, out _, out _));
        Assert.Equal(ScmiTransportResult.Ok, loop.BaseVersion(true, out _, out _));
        Assert.Equal(["scmi: tx p=0x10 m=0 t=0 s=0 n=4", "scmi: rx p=0x10 m=0 t=0 s=0 n=12",
                      "scmi: tx poll p=0x10 m=0 t=1 s=0 n=4", "scmi: rx p=0x10 m=0 t=1 s=0 n=12"], sink.Lines);
    }

    [Fact]
    public void Rejections_and_repairs_are_traced_with_their_reason()
    {
        var sink = new ListSink();
        var loop = new Loopback(backendFactory: m => new HostileDevice(m), options: new ScmiVirtioOptions { Trace = sink, SyncTimeoutMicroseconds = 30_000 });
        loop.Hostile.ReturnBytes = 0;
        Assert.Equal(ScmiTransportResult.Malformed, loop.BaseVersion(false, out _, out _));
        loop.Hostile.AutoReply = false;
        Assert.Equal(ScmiTransportResult.Ok, loop.Channel.Send(ScmiHeader.Command(ScmiProtocolId.Base, 0), default, 4, 4, false, out _));
        loop.Hostile.WriteUsed(0, 500, 12);
        loop.Clock.Spin();
        Assert.Contains("scmi: rx malformed p=0x10 m=0 t=0 s=0 n=8", sink.Lines);
        Assert.Contains("scmi: resetting the device: used id never issued (out of range)", sink.Lines);
    }
}
