// The real platform behind the loopback window: tools/ScmiPlatform's device (queue service) and model, with fault injection.
using ScmiPlatform.Description;
using ScmiPlatform.Device;
using ScmiPlatform.Faults;
using ScmiPlatform.Model;
using ScmiPlatform.Protocols;
using ScmiPlatform.Scmi;
using ScmiPlatform.Virtqueue;
using PlatformFeatures = ScmiPlatform.Virtqueue.VirtioFeatures;

namespace Scmi.Tests.Doubles;

/// <summary>
/// Starts the platform's <see cref="ScmiVirtioDevice"/> on the rings the driver programmed when DRIVER_OK is
/// set, forwards QueueNotify as a kick and a reset as a reset, and turns its used-buffer signal into the
/// window's interrupt — the same entry points the vhost-user server uses, in-process and single-threaded.
/// </summary>
public sealed class PlatformBackend : DeviceBackend, IQueueSignals
{
    private static readonly Lazy<PlatformDescription> Description = new(() => PlatformDescriptionLoader.LoadFile(PlatformDescriptionLoader.DefaultPath));
    private readonly PinnedGuestMemory _memory;
    private readonly GuestMemory _deviceMemory;

    public PlatformBackend(PinnedGuestMemory memory, ManualScheduler scheduler, IEnumerable<string>? faults = null, int seed = 0,
        PlatformDescription? description = null)
    {
        _memory = memory;
        _deviceMemory = memory.DeviceView();
        FaultPlan plan = faults is null ? FaultPlan.None : FaultOptions.FromTexts(faults, seed);
        Model = ScmiPlatformModel.Create(description ?? Description.Value, plan, trace: null, scheduler);
        Device = new ScmiVirtioDevice(Model, TransportLog.Silent);
    }

    /// <summary>The description <c>./nf</c> boots with (platforms/default.json).</summary>
    public static PlatformDescription DefaultDescription => Description.Value;

    public ScmiPlatformModel Model { get; }
    public ScmiVirtioDevice Device { get; }
    public int Starts { get; private set; }

    public override void OnDriverOk(ulong features, IReadOnlyList<QueuePlacement> queues)
    {
        Starts++;
        var negotiated = (PlatformFeatures)features;
        Device.NegotiatedFeatures = negotiated;
        foreach (QueuePlacement q in queues)
        {
            SplitVirtqueue ring = SplitVirtqueue.TryCreate(_deviceMemory, q.Size, q.Descriptors, q.Driver, q.Device, negotiated, 0, out string? error)
                ?? throw new InvalidOperationException(error);
            Device.StartQueue(q.Index, ring, this);
        }
    }

    public override void OnNotify(int queue) => Device.OnKick(queue);

    public override void OnReset() => Device.Reset();

    public void NotifyUsed() => Registers.RaiseUsedBuffer();

    public void ReportError()
    {
    }
}
