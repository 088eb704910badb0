// What the frontend told us about one vring, kept whether or not the ring is running.
using ScmiPlatform.Device;

namespace ScmiPlatform.VhostUser;

/// <summary>
/// One vring's configuration and lifecycle (vhost-user "Ring states"): <see cref="Started"/> from
/// SET_VRING_KICK until GET_VRING_BASE; <see cref="Enabled"/> by SET_VRING_ENABLE (or directly, without
/// VHOST_USER_F_PROTOCOL_FEATURES). The device serves it only while started and enabled.
/// </summary>
internal sealed class VringState(int index) : IQueueSignals
{
    public int Index { get; } = index;
    public int Size { get; set; }
    public ulong DescriptorFrontendAddress { get; set; }
    public ulong UsedFrontendAddress { get; set; }
    public ulong AvailFrontendAddress { get; set; }
    public bool AddressesSet { get; set; }
    /// <summary>Next avail index to process: set by SET_VRING_BASE, updated when the ring stops.</summary>
    public ushort Base { get; set; }
    public bool Started { get; set; }
    public bool Enabled { get; set; }
    public OwnedFd? Kick { get; set; }
    /// <summary>SET_VRING_KICK with the invalid-fd bit: no kicks will come, the ring is polled.</summary>
    public bool Polled { get; set; }
    public OwnedFd? Call { get; set; }
    public OwnedFd? Err { get; set; }

    public void NotifyUsed()
    {
        if (Call is { } call)
            EventFd.Signal(call.Value);
    }

    public void ReportError()
    {
        if (Err is { } err)
            EventFd.Signal(err.Value);
    }

    /// <summary>Closes the descriptors and forgets the configuration.</summary>
    public void Clear()
    {
        Kick?.Dispose();
        Call?.Dispose();
        Err?.Dispose();
        Kick = Call = Err = null;
        Size = 0;
        AddressesSet = false;
        Base = 0;
        Started = Enabled = Polled = false;
    }
}
