// The loopback harness: the transport and firmware/Virtio in-process against tools/ScmiPlatform's device and model.
using Scmi.Virtio;
using Virtio;

namespace Scmi.Tests.Doubles;

/// <summary>
/// Builds guest memory, the platform (model + device, with faults), the register window and the transport,
/// wired so QueueNotify kicks the platform and its completions raise the transport's interrupt entry.
/// </summary>
public sealed class Loopback
{
    public const ulong DefaultFeatures = (1UL << 32) | 1UL; // VERSION_1 | P2A_CHANNELS (and nothing else offered)

    public Loopback(IEnumerable<string>? faults = null, int seed = 0, InterruptDelivery delivery = InterruptDelivery.Deferred,
        ScmiVirtioOptions? options = null, ulong offeredFeatures = DefaultFeatures, ushort queueSizeMax = 256, bool legacy = false,
        Func<PinnedGuestMemory, DeviceBackend>? backendFactory = null, MemoryOrdering? ordering = null, int memoryBytes = 4 << 20,
        ScmiPlatform.Description.PlatformDescription? description = null)
    {
        Memory = new PinnedGuestMemory(memoryBytes);
        Scheduler = new ManualScheduler();
        DeviceBackend? backend = backendFactory?.Invoke(Memory);
        Backend = backend;
        Platform = backend is null ? new PlatformBackend(Memory, Scheduler, faults, seed, description) : null;
        Checker = new OwnershipChecker(Memory);
        Registers = new LoopbackRegisters(new CheckedBackend(backend ?? Platform!, Checker), offeredFeatures, legacy, queueSizeMax)
        {
            Delivery = delivery,
        };
        Clock = new SimulatedClock(Scheduler, Registers);
        Options = options ?? new ScmiVirtioOptions { SyncTimeoutMicroseconds = 30_000 };
        Device = new VirtioDevice(new MmioTransport(Registers, Registers.Identity));
        Start = ScmiVirtioTransport.Create(Device, Options, Memory, ordering ?? new PlainOrdering(), out ScmiVirtioTransport? transport);
        Transport = transport;
        if (transport is not null)
            Registers.InterruptHandler = transport.HandleInterrupt;
        // Bring-up is over: from here on nothing may be allocated (the heap seal's stand-in).
        AllocationsAtSeal = Memory.Allocations;
        Memory.Sealed = true;
    }

    public PinnedGuestMemory Memory { get; }
    public ManualScheduler Scheduler { get; }
    public PlatformBackend? Platform { get; }
    public DeviceBackend? Backend { get; }
    public HostileDevice Hostile => (HostileDevice)Backend!;
    public OwnershipChecker Checker { get; }
    public LoopbackRegisters Registers { get; }
    public SimulatedClock Clock { get; }
    public ScmiVirtioOptions Options { get; }
    public VirtioDevice Device { get; }
    public ScmiVirtioStart Start { get; }
    public ScmiVirtioTransport? Transport { get; }
    public int AllocationsAtSeal { get; }

    public ScmiVirtioTransport Channel => Transport ?? throw new InvalidOperationException($"transport not created: {Start}");

    /// <summary>One transfer through <see cref="ScmiExchange"/>.</summary>
    public ScmiTransportResult Exchange(ScmiHeader header, ReadOnlySpan<byte> parameters, int expectedReturnBytes, bool poll,
        Span<byte> returnValues, out ScmiStatus status, out int length) =>
        ScmiExchange.Run(Channel, Clock, header, parameters, expectedReturnBytes, poll, returnValues, out status, out length);

    /// <summary>BASE PROTOCOL_VERSION: four return bytes.</summary>
    public ScmiTransportResult BaseVersion(bool poll, out ScmiStatus status, out uint version)
    {
        Span<byte> values = stackalloc byte[4];
        ScmiTransportResult result = Exchange(ScmiHeader.Command(ScmiProtocolId.Base, 0), default, 4, poll, values, out status, out int length);
        version = length >= 4 ? BitConverter.ToUInt32(values) : 0;
        return result;
    }
}

/// <summary>Barriers on the host: the loopback runs on one thread, so program order is enough. A test may act at a barrier.</summary>
public sealed class PlainOrdering : MemoryOrdering
{
    /// <summary>Runs at the next store-store barrier only (the one before a kick publishes the avail index).</summary>
    public Action? AtNextStoreStore { get; set; }

    public override void StoreStore()
    {
        Action? once = AtNextStoreStore;
        AtNextStoreStore = null;
        once?.Invoke();
    }

    public override void LoadLoad() { }
    public override void Full() { }
}
