// What the frontend told us about one vring, kept whether or not the ring is running.
using ScmiPlatform.Device;

namespace ScmiPlatform.VhostUser;

/// <summary>
/// One vring's configuration and lifecycle (vhost-user "Ring states"): <see cref="Started"/> from
/// SET_VRING_KICK until GET_VRING_BASE; <see cref="Enabled"/> by SET_VRING_ENABLE (or directly, without
/// VHOST_USER_F_PROTOCOL_FEATURES). The device serves it only while started and enabled.
/// </summary>
internal sealed class VringState(int index, TransportLog log) : IQueueSignals
{
    private OwnedFd? _call;
    private OwnedFd? _err;
    private bool _callFullLogged;
    private bool _errFullLogged;

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
    public OwnedFd? Call
    {
        get => _call;
        set
        {
            _call = value;
            _callFullLogged = false;
        }
    }

    public OwnedFd? Err
    {
        get => _err;
        set
        {
            _err = value;
            _errFullLogged = false;
        }
    }

    public void NotifyUsed() => Signal(_call, "call", ref _callFullLogged);

    public void ReportError() => Signal(_err, "err", ref _errFullLogged);

    /// <summary>
    /// Writes the eventfd without ever blocking (received fds are non-blocking). EAGAIN means the counter is at
    /// its maximum because the frontend does not read it: the signal is pending anyway, so it is only logged, once per fd.
    /// </summary>
    private void Signal(OwnedFd? fd, string what, ref bool logged)
    {
        if (fd is null || EventFd.Signal(fd.Value) || logged)
            return;
        logged = true;
        int errno = Libc.LastError;
        log.Warn(errno == Libc.EAGAIN
            ? $"vhost-user: {what} fd of queue {Index} is full: the frontend is not reading it (the count stays saturated; logged once)"
            : $"vhost-user: {what} fd of queue {Index} cannot be written: {Libc.Describe(errno)} (logged once)");
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
