// A QueueNotifier double for ring tests that need no transport.
namespace Virtio.Tests.Doubles;

/// <summary>Counts notifications and logs them into the shared event log.</summary>
public sealed class CountingNotifier : QueueNotifier
{
    public CountingNotifier(List<string>? log = null) => Log = log ?? new List<string>();

    public List<string> Log { get; }
    public int Count { get; private set; }

    public override void NotifyQueue(ushort queueIndex)
    {
        Count++;
        Log.Add($"notify:{queueIndex}");
    }
}
