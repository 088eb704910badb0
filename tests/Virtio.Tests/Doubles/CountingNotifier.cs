// A QueueNotifier double for ring tests that need no transport.
namespace Virtio.Tests.Doubles;

/// <summary>Counts notifications and logs them into the shared event log.</summary>
public sealed class CountingNotifier : QueueNotifier
{
    public CountingNotifier(List<string>? log = null) => Log = log ?? new List<string>();

    public List<string> Log { get; }
    public int Count { get; private set; }
    /// <summary>Runs on each notification after it is logged (the moment a real device could interrupt back).</summary>
    public Action? OnNotify { get; set; }

    public override void NotifyQueue(ushort queueIndex)
    {
        Count++;
        Log.Add($"notify:{queueIndex}");
        OnNotify?.Invoke();
    }
}
