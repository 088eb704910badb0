// A MemoryOrdering double: logs each barrier and lets a test act at the exact moment one is issued.
namespace Virtio.Tests.Doubles;

/// <summary>
/// Records barriers into a shared event log (the device double logs register accesses into the same one),
/// so tests can check the order of ring writes, barriers and notifications. <see cref="OnBarrier"/> runs at
/// each barrier: a test uses it to inspect the ring at that instant, or to make a device write "land" only
/// then, modelling a weakly ordered reader.
/// </summary>
public sealed class RecordingMemoryOrdering : MemoryOrdering
{
    public RecordingMemoryOrdering(List<string>? log = null) => Log = log ?? new List<string>();

    public List<string> Log { get; }
    public Action<string>? OnBarrier { get; set; }
    public int StoreStoreCount { get; private set; }
    public int LoadLoadCount { get; private set; }
    public int FullCount { get; private set; }

    public override void StoreStore() { StoreStoreCount++; Record("barrier:store-store"); }
    public override void LoadLoad() { LoadLoadCount++; Record("barrier:load-load"); }
    public override void Full() { FullCount++; Record("barrier:full"); }

    private void Record(string what)
    {
        Log.Add(what);
        OnBarrier?.Invoke(what);
    }
}
