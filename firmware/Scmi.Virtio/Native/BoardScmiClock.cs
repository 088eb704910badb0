// The transfer clock on target: the architectural counter through the runtime.
using Nano.Runtime.Native;

namespace Scmi.Virtio;

/// <summary>Microseconds from the generic timer (<see cref="Clock"/>).</summary>
public sealed class BoardScmiClock : ScmiClock
{
    /// <summary>One instance serves everyone: the counter carries no state.</summary>
    public static readonly BoardScmiClock Instance = new BoardScmiClock();

    public override ulong Microseconds => Clock.Microseconds;
}
