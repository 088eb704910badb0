// The SCMI device's interrupt, routed to the transport with the handler's ticks booked as completion.
using Nano.Runtime.Native;
using Scmi.Virtio;

namespace Bench;

internal sealed class TimedInterrupt : InterruptHandler
{
    private readonly ScmiVirtioTransport _transport;

    public TimedInterrupt(ScmiVirtioTransport transport) => _transport = transport;

    /// <summary>Context: IRQ.</summary>
    public override void OnInterrupt(uint intid)
    {
        ulong start = Clock.Ticks;
        _transport.HandleInterrupt();
        ulong spent = Clock.Ticks - start;
        System.Threading.Volatile.Write(ref PathCounters.HandlerTicks, PathCounters.HandlerTicks + spent);
        PathCounters.HandlerRuns++;
    }
}
