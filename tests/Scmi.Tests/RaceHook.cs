// The host implementation of the transport's interleaving points: hands control to the race scheduler when one runs.
namespace Scmi.Virtio;

public sealed partial class ScmiVirtioTransport
{
    /// <summary>Called at every interleaving point on this thread; null outside race tests.</summary>
    [ThreadStatic]
    internal static Action? InterleavingPoint;

    static partial void Interleave() => InterleavingPoint?.Invoke();
}
