// One frontend connection: decodes vhost-user messages, keeps vring and memory state, drives the device.
using System.Buffers.Binary;
using ScmiPlatform.Device;
using ScmiPlatform.Virtqueue;

namespace ScmiPlatform.VhostUser;

/// <summary>
/// The back-end side of one vhost-user connection (QEMU docs/interop/vhost-user.rst). Handles every
/// front-end message QEMU's vhost-user-scmi sends, starts a ring on SET_VRING_KICK once it is enabled,
/// stops it on GET_VRING_BASE (returning the next avail index), and answers anything else with a log line
/// and, when asked for, a failure ack. <see cref="Dispose"/> returns to a fresh state: unmaps memory,
/// closes every descriptor and resets the device. Runs on the server thread only.
/// </summary>
internal sealed class VhostUserBackend : IDisposable
{
    public const int QueueCount = ScmiVirtioDevice.QueueCount;

    /// <summary>Virtio features offered: VERSION_1, the ring features we implement, the eventq, and vhost-user protocol features.</summary>
    public const VirtioFeatures OfferedFeatures = VirtioFeatures.Version1 | VirtioFeatures.IndirectDescriptors
        | VirtioFeatures.EventIndex | ScmiFeatures.P2AChannels | VhostUserFeatures.ProtocolFeatures;

    public const VhostUserProtocolFeatures OfferedProtocolFeatures =
        VhostUserProtocolFeatures.Mq | VhostUserProtocolFeatures.ReplyAck | VhostUserProtocolFeatures.ResetDevice
        | VhostUserProtocolFeatures.InbandNotifications;

    // vhost-user "VHOST_USER_SET_VRING_KICK": "Bits (0-7) of the payload contain the vring index. Bit 8 is the invalid FD flag."
    private const ulong VringIndexMask = 0xFF;
    private const ulong InvalidFdFlag = 1UL << 8;
    private const int MaxMemoryRegions = 8;

    private readonly UnixSocket _socket;
    private readonly ScmiVirtioDevice _device;
    private readonly TransportLog _log;
    private readonly VirtioFeatures _offeredFeatures;
    private readonly VringState[] _vrings;
    private GuestMemory? _memory;
    private MappedRegions? _mappedRegions;
    private VirtioFeatures _ackedFeatures;
    private VhostUserProtocolFeatures _ackedProtocolFeatures;
    private bool _featuresSet;

    public VhostUserBackend(UnixSocket socket, ScmiVirtioDevice device, TransportLog log, VirtioFeatures offeredFeatures = OfferedFeatures)
    {
        _socket = socket;
        _device = device;
        _log = log;
        _offeredFeatures = offeredFeatures & OfferedFeatures;
        _vrings = Enumerable.Range(0, QueueCount).Select(i => new VringState(i, log)).ToArray();
    }

    public int SocketFd => _socket.Fd;

    /// <summary>True when the last message could not be read or answered because the server was asked to stop.</summary>
    public bool StopRequested => _socket.StopRequested;

    /// <summary>The kick descriptor of queue <paramref name="queue"/> while it is started, else -1 (the server polls these).</summary>
    public int KickFd(int queue) => _vrings[queue] is { Started: true, Kick: { } kick } ? kick.Value : -1;

    /// <summary>True when queue <paramref name="queue"/> was started without a kick fd: the server serves it on a timer.</summary>
    public bool IsPolled(int queue) => _vrings[queue] is { Started: true, Polled: true };

    /// <summary>A kick arrived for <paramref name="queue"/>.</summary>
    public void OnKick(int queue)
    {
        if (_vrings[queue].Kick is { } kick)
            EventFd.Drain(kick.Value);
        if (_log.TraceEnabled)
            _log.Trace($"kick queue {queue}");
        if (MemoryStillBacked())
            _device.OnKick(queue);
    }

    /// <summary>Serves a ring started without a kick fd (called on the server's timer).</summary>
    public void OnPoll(int queue)
    {
        if (MemoryStillBacked())
            _device.Poll(queue);
    }

    /// <summary>
    /// The kick fd of <paramref name="queue"/> reported POLLHUP, POLLERR or POLLNVAL: it will never deliver a
    /// kick again and would wake poll for ever. Stop using it; the ring is polled from now on.
    /// </summary>
    public void OnKickFdFailed(int queue, short revents)
    {
        VringState vring = _vrings[queue];
        _log.Warn($"vhost-user: kick fd of queue {queue} hung up or failed (revents 0x{(ushort)revents:x}); no longer using it, the ring is polled instead");
        vring.Kick?.Dispose();
        vring.Kick = null;
        vring.Polled = true;
    }

    /// <summary>
    /// Checks that no region's file shrank since it was mapped (a page past the end of a file raises SIGBUS,
    /// which kills the process). When one did: logs it, stops every ring, signals their err fds and forgets the
    /// table until the frontend sends a new one. The residual window (a file shrinking during a pass, or
    /// while a deferred completion writes a reply) cannot be closed without a SIGBUS handler, which .NET lacks.
    /// </summary>
    private bool MemoryStillBacked()
    {
        if (_mappedRegions is null || _mappedRegions.TryCheckBacked(out string? problem))
            return true;
        _log.Warn($"vhost-user: {problem}; stopping the rings until a new memory table arrives");
        foreach (VringState vring in _vrings)
        {
            PauseRing(vring);
            vring.ReportError();
        }
        _device.Exclusive(() =>
        {
            _memory?.Dispose();
            _memory = null;
            _mappedRegions = null;
        });
        return false;
    }

    /// <summary>Reads and handles one message; false when the frontend went away or broke the protocol.</summary>
    public bool HandleNextMessage()
    {
        var fds = new List<OwnedFd>();
        try
        {
            Span<byte> headerBytes = stackalloc byte[VhostUserHeader.Bytes];
            if (!_socket.ReceiveExactly(headerBytes, fds))
                return false;
            VhostUserHeader header = VhostUserHeader.Read(headerBytes);
            if (!header.HasValidVersion || header.Size > VhostUserHeader.MaxPayload)
            {
                _log.Warn($"vhost-user: bad header (request {header.Request}, flags 0x{header.Flags:x}, size {header.Size}); closing the connection");
                return false;
            }
            byte[] payload = new byte[header.Size];
            if (!_socket.ReceiveExactly(payload, fds))
                return false;
            return Dispatch(header, payload, fds);
        }
        catch (IOException e)
        {
            _log.Warn("vhost-user: " + e.Message + "; closing the connection");
            return false;
        }
        finally
        {
            // Handlers take the descriptors they keep out of the list; the rest are closed here.
            foreach (OwnedFd fd in fds)
                fd.Dispose();
        }
    }

    private bool Dispatch(VhostUserHeader header, byte[] payload, List<OwnedFd> fds)
    {
        var request = (VhostUserRequest)header.Request;
        string name = VhostUserRequestNames.Describe(header.Request);
        bool? ok;
        switch (request)
        {
            case VhostUserRequest.GetFeatures:
                Trace(name, $"-> 0x{(ulong)_offeredFeatures:x}");
                return ReplyU64(header, (ulong)_offeredFeatures);
            case VhostUserRequest.GetProtocolFeatures:
                Trace(name, $"-> 0x{(ulong)OfferedProtocolFeatures:x}");
                return ReplyU64(header, (ulong)OfferedProtocolFeatures);
            case VhostUserRequest.GetQueueNum:
                Trace(name, $"-> {QueueCount}");
                return ReplyU64(header, QueueCount);
            case VhostUserRequest.GetVringBase:
                return GetVringBase(header, payload, name);
            case VhostUserRequest.SetFeatures:
                ok = SetFeatures(payload, name);
                break;
            case VhostUserRequest.SetProtocolFeatures:
                ok = RequireU64(payload, name, out ulong protocol);
                if (ok == true)
                {
                    _ackedProtocolFeatures = (VhostUserProtocolFeatures)protocol & OfferedProtocolFeatures;
                    Trace(name, $"0x{protocol:x}");
                }
                break;
            case VhostUserRequest.SetOwner:
                Trace(name, "");
                ok = true;
                break;
            case VhostUserRequest.ResetOwner:
                // vhost-user: VHOST_USER_RESET_OWNER is deprecated; QEMU does not rely on it resetting anything.
                Trace(name, "ignored");
                ok = true;
                break;
            case VhostUserRequest.ResetDevice:
                Trace(name, "");
                ResetDeviceState();
                ok = true;
                break;
            case VhostUserRequest.SetMemTable:
                ok = SetMemTable(payload, fds, name);
                break;
            case VhostUserRequest.SetVringNum:
                ok = SetVringNum(payload, name);
                break;
            case VhostUserRequest.SetVringAddr:
                ok = SetVringAddr(payload, name);
                break;
            case VhostUserRequest.SetVringBase:
                ok = WithVringState(payload, name, (vring, num) =>
                {
                    vring.Base = (ushort)num;
                    return true;
                });
                break;
            case VhostUserRequest.SetVringKick:
            case VhostUserRequest.SetVringCall:
            case VhostUserRequest.SetVringErr:
                ok = SetVringFd(request, payload, fds, name);
                break;
            case VhostUserRequest.SetVringEnable:
                ok = WithVringState(payload, name, (vring, num) =>
                {
                    vring.Enabled = num != 0;
                    if (vring.Enabled)
                        TryRunRing(vring);
                    else
                        PauseRing(vring);
                    return true;
                });
                break;
            case VhostUserRequest.VringKick:
                ok = WithVringState(payload, name, (vring, _) =>
                {
                    _device.OnKick(vring.Index);
                    return true;
                });
                break;
            default:
                _log.Warn($"vhost-user: {name} (flags 0x{header.Flags:x}, {payload.Length}-byte payload, {fds.Count} fds) is not supported; " +
                          (header.NeedsReply ? "answering failure" : "ignored"));
                ok = false;
                break;
        }
        return Acknowledge(header, ok ?? false);
    }

    // vhost-user "REPLY_ACK": with VHOST_USER_PROTOCOL_F_REPLY_ACK negotiated and need_reply set, the back-end
    // answers a message without its own reply with a u64: 0 for success, non-zero for failure.
    private bool Acknowledge(VhostUserHeader header, bool ok)
    {
        if (!header.NeedsReply || !_ackedProtocolFeatures.HasFlag(VhostUserProtocolFeatures.ReplyAck))
            return true;
        return ReplyU64(header, ok ? 0UL : 1UL);
    }

    private bool ReplyU64(VhostUserHeader request, ulong value)
    {
        Span<byte> reply = stackalloc byte[VhostUserHeader.Bytes + 8];
        new VhostUserHeader(request.Request, VhostUserHeader.Version | VhostUserHeader.ReplyFlag, 8).Write(reply);
        BinaryPrimitives.WriteUInt64LittleEndian(reply[VhostUserHeader.Bytes..], value);
        return _socket.Send(reply);
    }

    private bool SetFeatures(byte[] payload, string name)
    {
        if (!RequireU64(payload, name, out ulong features))
            return false;
        var acked = (VirtioFeatures)features;
        if ((acked & ~_offeredFeatures) != 0)
            _log.Warn($"vhost-user: {name} acks features we did not offer: 0x{(ulong)(acked & ~_offeredFeatures):x}; ignoring them");
        _ackedFeatures = acked & _offeredFeatures;
        _featuresSet = true;
        _device.NegotiatedFeatures = _ackedFeatures;
        Trace(name, $"0x{features:x}");
        // vhost-user "Ring states": "If VHOST_USER_F_PROTOCOL_FEATURES has not been negotiated, the ring starts directly in the enabled state."
        if (!_ackedFeatures.HasFlag(VhostUserFeatures.ProtocolFeatures))
        {
            foreach (VringState vring in _vrings)
            {
                vring.Enabled = true;
                TryRunRing(vring);
            }
        }
        return true;
    }

    private bool SetMemTable(byte[] payload, List<OwnedFd> fds, string name)
    {
        // vhost-user "Multiple Memory regions description": u32 nregions, u32 padding, then the regions.
        if (payload.Length < 8)
            return Refuse(name, "payload too short");
        uint count = BinaryPrimitives.ReadUInt32LittleEndian(payload);
        if (count == 0 || count > MaxMemoryRegions || payload.Length < 8 + count * MemoryRegionDescription.Bytes)
            return Refuse(name, $"{count} regions in a {payload.Length}-byte payload");
        if (fds.Count != count)
            return Refuse(name, $"{count} regions but {fds.Count} descriptors");
        var regions = new List<MemoryRegionDescription>();
        for (int i = 0; i < count; i++)
            regions.Add(MemoryRegionDescription.Read(payload.AsSpan(8 + i * MemoryRegionDescription.Bytes)));
        GuestMemory memory;
        MappedRegions mappedRegions;
        try { memory = MappedRegions.Map(regions, fds, out mappedRegions); }
        catch (Exception e) when (e is IOException or ArgumentException)
        {
            return Refuse(name, e.Message);
        }
        fds.Clear(); // the table keeps them, to re-check the file sizes
        Trace(name, string.Join(", ", regions.Select(r => $"guest 0x{r.GuestAddress:x} size 0x{r.Size:x} frontend 0x{r.FrontendAddress:x} offset 0x{r.MmapOffset:x}")));
        GuestMemory? old = _memory;
        _memory = memory;
        _mappedRegions = mappedRegions;
        // Running rings move to the new table; nothing touches the old one while it is unmapped.
        _device.Exclusive(() =>
        {
            foreach (VringState vring in _vrings)
            {
                string? error = null;
                if (_device.IsQueueRunning(vring.Index)
                    && !_device.ReplaceRing(vring.Index, running => CreateQueue(vring, running.NextAvailIndex, out error)))
                {
                    _log.Warn($"vhost-user: queue {vring.Index} stops: {error} in the new memory table");
                    PauseRing(vring);
                    vring.ReportError();
                }
            }
            old?.Dispose();
        });
        return true;
    }

    private bool SetVringNum(byte[] payload, string name) =>
        WithVringState(payload, name, (vring, num) =>
        {
            if (!SplitRingLayout.IsValidQueueSize((int)Math.Min(num, int.MaxValue)))
                return Refuse(name, $"queue size {num} is not a power of two up to {SplitRingLayout.MaxQueueSize}");
            vring.Size = (int)num;
            return true;
        });

    private bool SetVringAddr(byte[] payload, string name)
    {
        // vhost-user "Vring address description": u32 index, u32 flags, u64 descriptor, used, available, log.
        if (payload.Length < 40)
            return Refuse(name, "payload too short");
        uint index = BinaryPrimitives.ReadUInt32LittleEndian(payload);
        if (index >= QueueCount)
            return Refuse(name, $"no queue {index}");
        VringState vring = _vrings[index];
        vring.DescriptorFrontendAddress = BinaryPrimitives.ReadUInt64LittleEndian(payload.AsSpan(8));
        vring.UsedFrontendAddress = BinaryPrimitives.ReadUInt64LittleEndian(payload.AsSpan(16));
        vring.AvailFrontendAddress = BinaryPrimitives.ReadUInt64LittleEndian(payload.AsSpan(24));
        vring.AddressesSet = true;
        Trace(name, $"queue {index} desc 0x{vring.DescriptorFrontendAddress:x} used 0x{vring.UsedFrontendAddress:x} avail 0x{vring.AvailFrontendAddress:x}");
        _device.ReplaceRing(vring.Index, running => CreateQueue(vring, running.NextAvailIndex, out _));
        return true;
    }

    private bool SetVringFd(VhostUserRequest request, byte[] payload, List<OwnedFd> fds, string name)
    {
        if (!RequireU64(payload, name, out ulong value))
            return false;
        int index = (int)(value & VringIndexMask);
        if (index >= QueueCount)
            return Refuse(name, $"no queue {index}");
        bool noFd = (value & InvalidFdFlag) != 0;
        OwnedFd? fd = null;
        if (!noFd)
        {
            if (fds.Count != 1)
                return Refuse(name, $"expected one descriptor, got {fds.Count}");
            fd = fds[0];
            // Received descriptors are used non-blocking: a blocking kick fd another queue drained, or a call
            // fd at its maximum count, would otherwise stall the only server thread.
            if (!Libc.SetNonBlocking(fd.Value))
                return Refuse(name, $"cannot make {fd} non-blocking: {Libc.Describe(Libc.LastError)}");
            fds.Clear();
        }
        VringState vring = _vrings[index];
        Trace(name, $"queue {index} {(noFd ? "no fd" : fd!.ToString())}");
        switch (request)
        {
            case VhostUserRequest.SetVringKick:
                vring.Kick?.Dispose();
                vring.Kick = fd;
                vring.Polled = noFd;
                // The ring starts when the kick descriptor is set (vhost-user "Ring states", as QEMU and rust-vmm implement it).
                vring.Started = true;
                TryRunRing(vring);
                break;
            case VhostUserRequest.SetVringCall:
                _device.Exclusive(() =>
                {
                    vring.Call?.Dispose();
                    vring.Call = fd;
                });
                break;
            default:
                _device.Exclusive(() =>
                {
                    vring.Err?.Dispose();
                    vring.Err = fd;
                });
                break;
        }
        return true;
    }

    private bool GetVringBase(VhostUserHeader header, byte[] payload, string name)
    {
        if (payload.Length < 8)
        {
            Refuse(name, "payload too short");
            return false;
        }
        uint index = BinaryPrimitives.ReadUInt32LittleEndian(payload);
        if (index >= QueueCount)
        {
            _log.Warn($"vhost-user: {name} for queue {index}, which does not exist; closing the connection");
            return false;
        }
        VringState vring = _vrings[index];
        // vhost-user: GET_VRING_BASE stops the ring and returns the next descriptor index to process.
        PauseRing(vring);
        vring.Started = false;
        vring.Polled = false;
        vring.Kick?.Dispose();
        vring.Kick = null;
        Trace(name, $"queue {index} -> {vring.Base}");
        // A ring stop is not a reset: QEMU stops both rings the same way for `stop` (then starts them again from
        // these bases on `cont`) and for a guest reset; the platform keeps its state (README, "Ring stop and reset").
        Span<byte> reply = stackalloc byte[VhostUserHeader.Bytes + 8];
        new VhostUserHeader(header.Request, VhostUserHeader.Version | VhostUserHeader.ReplyFlag, 8).Write(reply);
        BinaryPrimitives.WriteUInt32LittleEndian(reply[VhostUserHeader.Bytes..], index);
        BinaryPrimitives.WriteUInt32LittleEndian(reply[(VhostUserHeader.Bytes + 4)..], vring.Base);
        return _socket.Send(reply);
    }

    /// <summary>Hands the ring to the device when it is started, enabled and fully described.</summary>
    private void TryRunRing(VringState vring)
    {
        if (!vring.Started || !vring.Enabled || _device.IsQueueRunning(vring.Index))
            return;
        if (vring.Index == ScmiVirtioDevice.EventQueueIndex && !_ackedFeatures.HasFlag(ScmiFeatures.P2AChannels) && _featuresSet)
        {
            _log.Warn("vhost-user: eventq started although VIRTIO_SCMI_F_P2A_CHANNELS was not negotiated; not serving it");
            return;
        }
        SplitVirtqueue? queue = CreateQueue(vring, vring.Base, out string? error);
        if (queue is null)
        {
            _log.Warn($"vhost-user: queue {vring.Index} cannot run: {error}");
            vring.ReportError();
            return;
        }
        _device.StartQueue(vring.Index, queue, vring);
    }

    private void PauseRing(VringState vring)
    {
        if (_device.StopQueue(vring.Index) is ushort next)
            vring.Base = next;
    }

    private SplitVirtqueue? CreateQueue(VringState vring, ushort nextAvail, out string? error)
    {
        error = null;
        if (_memory is null)
            error = "no memory table yet";
        else if (vring.Size == 0)
            error = "no queue size yet";
        else if (!vring.AddressesSet)
            error = "no ring addresses yet";
        if (error is not null)
            return null;
        // vhost-user: ring addresses are the frontend's virtual addresses; translate them through the memory table.
        if (!_memory!.TryTranslateFrontendAddress(vring.DescriptorFrontendAddress, SplitRingLayout.DescriptorTableBytes(vring.Size), out ulong descriptors)
            || !_memory.TryTranslateFrontendAddress(vring.AvailFrontendAddress, SplitRingLayout.AvailRingBytes(vring.Size), out ulong avail)
            || !_memory.TryTranslateFrontendAddress(vring.UsedFrontendAddress, SplitRingLayout.UsedRingBytes(vring.Size), out ulong used))
        {
            error = "ring addresses are not inside the memory table";
            return null;
        }
        return SplitVirtqueue.TryCreate(_memory, vring.Size, descriptors, avail, used, _ackedFeatures, nextAvail, out error);
    }

    private void ResetDeviceState()
    {
        foreach (VringState vring in _vrings)
            PauseRing(vring);
        _device.Exclusive(() =>
        {
            foreach (VringState vring in _vrings)
                vring.Clear();
        });
        _device.Reset();
        _device.NegotiatedFeatures = VirtioFeatures.None;
        _ackedFeatures = VirtioFeatures.None;
        _featuresSet = false;
    }

    private bool WithVringState(byte[] payload, string name, Func<VringState, uint, bool> action)
    {
        // vhost-user "A vring state description": u32 index, u32 num.
        if (payload.Length < 8)
            return Refuse(name, "payload too short");
        uint index = BinaryPrimitives.ReadUInt32LittleEndian(payload);
        uint num = BinaryPrimitives.ReadUInt32LittleEndian(payload.AsSpan(4));
        if (index >= QueueCount)
            return Refuse(name, $"no queue {index}");
        Trace(name, $"queue {index} num {num}");
        return action(_vrings[index], num);
    }

    private bool RequireU64(byte[] payload, string name, out ulong value)
    {
        value = payload.Length >= 8 ? BinaryPrimitives.ReadUInt64LittleEndian(payload) : 0;
        return payload.Length >= 8 || Refuse(name, "payload too short");
    }

    private bool Refuse(string name, string why)
    {
        _log.Warn($"vhost-user: {name} refused: {why}");
        return false;
    }

    private void Trace(string name, string detail)
    {
        if (_log.TraceEnabled)
            _log.Trace(detail.Length == 0 ? $"vhost-user {name}" : $"vhost-user {name} {detail}");
    }

    /// <summary>Forgets this frontend: stops the rings, resets the model, unmaps memory, closes every descriptor.</summary>
    public void Dispose()
    {
        foreach (VringState vring in _vrings)
            _device.StopQueue(vring.Index);
        _device.Reset();
        _device.NegotiatedFeatures = VirtioFeatures.None;
        _device.Exclusive(() =>
        {
            foreach (VringState vring in _vrings)
                vring.Clear();
            _memory?.Dispose();
            _memory = null;
            _mappedRegions = null;
        });
        _socket.Dispose();
    }
}
