// A vhost-user frontend in a test: speaks the protocol the way QEMU does, with real memfds and eventfds.
using System.Buffers.Binary;
using ScmiPlatform.VhostUser;

namespace Platform.Tests.Doubles;

/// <summary>
/// Plays QEMU's side of a vhost-user connection: sends front-end messages (with descriptors as SCM_RIGHTS),
/// reads replies, shares guest RAM through a memfd, and owns each ring's kick and call eventfds.
/// Pair it with <see cref="DriverQueue"/>s over <see cref="Ram"/> to act as the guest driver too.
/// </summary>
public sealed unsafe class VhostUserFrontendDouble : IDisposable
{
    public const ulong RamBytes = 8 << 20;
    private readonly UnixSocket _socket;
    private readonly OwnedFd _memfd;
    private readonly nint _mapping;

    private VhostUserFrontendDouble(UnixSocket socket)
    {
        _socket = socket;
        int fd = Libc.MemfdCreate("guest-ram", Libc.MFD_CLOEXEC);
        if (fd < 0 || Libc.Ftruncate(fd, (long)RamBytes) != 0)
            throw new IOException("memfd: " + Libc.Describe(Libc.LastError));
        _memfd = new OwnedFd(fd);
        _mapping = Libc.Mmap(0, (nuint)RamBytes, Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_SHARED, fd, 0);
        if (_mapping == Libc.MAP_FAILED)
            throw new IOException("mmap: " + Libc.Describe(Libc.LastError));
        Ram = new GuestRam(_mapping, RamBytes, GuestRam.DefaultBase);
    }

    public static VhostUserFrontendDouble Connect(string socketPath) => new(UnixSocket.Connect(socketPath));

    /// <summary>Guest RAM, shared with the backend through the memfd.</summary>
    public GuestRam Ram { get; }
    internal OwnedFd?[] Kick { get; } = new OwnedFd?[2];
    internal OwnedFd?[] Call { get; } = new OwnedFd?[2];
    internal OwnedFd?[] Err { get; } = new OwnedFd?[2];

    /// <summary>Sends one message; the header flags carry version 1 and need_reply when asked.</summary>
    public void Send(uint request, ReadOnlySpan<byte> payload, ReadOnlySpan<int> fds = default, bool needReply = false)
    {
        byte[] message = new byte[VhostUserHeader.Bytes + payload.Length];
        new VhostUserHeader(request, VhostUserHeader.Version | (needReply ? VhostUserHeader.NeedReplyFlag : 0), (uint)payload.Length).Write(message);
        payload.CopyTo(message.AsSpan(VhostUserHeader.Bytes));
        if (!_socket.Send(message, fds))
            throw new IOException("send failed");
    }

    /// <summary>Sends bytes as they are, without a header (a frontend that stops mid-message).</summary>
    public void SendRawBytes(ReadOnlySpan<byte> bytes)
    {
        if (!_socket.Send(bytes))
            throw new IOException("send failed");
    }

    public void Send(VhostUserRequest request, ReadOnlySpan<byte> payload, ReadOnlySpan<int> fds = default, bool needReply = false) =>
        Send((uint)request, payload, fds, needReply);

    /// <summary>Reads one reply; fails the test after <paramref name="timeoutMilliseconds"/>.</summary>
    public (VhostUserHeader Header, byte[] Payload) ReceiveReply(int timeoutMilliseconds = 5000)
    {
        if (!WaitReadable(_socket.Fd, timeoutMilliseconds))
            throw new TimeoutException("no reply from the backend");
        var fds = new List<OwnedFd>();
        Span<byte> header = stackalloc byte[VhostUserHeader.Bytes];
        if (!_socket.ReceiveExactly(header, fds))
            throw new IOException("backend closed the connection");
        VhostUserHeader h = VhostUserHeader.Read(header);
        byte[] payload = new byte[h.Size];
        if (!_socket.ReceiveExactly(payload, fds))
            throw new IOException("backend closed the connection");
        foreach (OwnedFd fd in fds)
            fd.Dispose();
        return (h, payload);
    }

    /// <summary>True when the backend sent nothing within <paramref name="milliseconds"/>.</summary>
    public bool IsQuiet(int milliseconds = 100) => !WaitReadable(_socket.Fd, milliseconds);

    public ulong RequestU64(VhostUserRequest request)
    {
        Send(request, []);
        (VhostUserHeader header, byte[] payload) = ReceiveReply();
        if (header.Request != (uint)request || (header.Flags & VhostUserHeader.ReplyFlag) == 0 || payload.Length != 8)
            throw new InvalidDataException($"unexpected reply {header} to {request}");
        return BinaryPrimitives.ReadUInt64LittleEndian(payload);
    }

    public void SendU64(VhostUserRequest request, ulong value, bool needReply = false)
    {
        Span<byte> payload = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(payload, value);
        Send(request, payload, needReply: needReply);
    }

    /// <summary>Reads the u64 REPLY_ACK answer (0 success).</summary>
    public ulong ReceiveAck() => BinaryPrimitives.ReadUInt64LittleEndian(ReceiveReply().Payload);

    public void SendVringState(VhostUserRequest request, uint index, uint num, bool needReply = false)
    {
        Span<byte> payload = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(payload, index);
        BinaryPrimitives.WriteUInt32LittleEndian(payload[4..], num);
        Send(request, payload, needReply: needReply);
    }

    /// <summary>SET_MEM_TABLE with one region: the whole memfd at the guest base, our mapping as the frontend address
    /// (or <paramref name="frontendAddress"/>, to describe the same memory at another frontend address).</summary>
    public void SetMemTable(bool needReply = false, ulong? frontendAddress = null)
    {
        byte[] payload = new byte[8 + 32];
        BinaryPrimitives.WriteUInt32LittleEndian(payload, 1);
        BinaryPrimitives.WriteUInt64LittleEndian(payload.AsSpan(8), Ram.GuestBase);
        BinaryPrimitives.WriteUInt64LittleEndian(payload.AsSpan(16), RamBytes);
        BinaryPrimitives.WriteUInt64LittleEndian(payload.AsSpan(24), frontendAddress ?? (ulong)_mapping);
        BinaryPrimitives.WriteUInt64LittleEndian(payload.AsSpan(32), 0);
        Send(VhostUserRequest.SetMemTable, payload, [_memfd.Value], needReply);
    }

    /// <summary>
    /// SET_MEM_TABLE describing the memfd as several regions: each (guest address, size, file offset) is sent
    /// with its own copy of the memfd, the frontend address being our mapping at that offset (as QEMU does
    /// when guest RAM is split, for example around a hole).
    /// </summary>
    public void SetMemTableRegions(bool needReply, params (ulong GuestAddress, ulong Size, ulong FileOffset)[] regions)
    {
        byte[] payload = new byte[8 + 32 * regions.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(payload, (uint)regions.Length);
        for (int i = 0; i < regions.Length; i++)
        {
            Span<byte> r = payload.AsSpan(8 + 32 * i);
            BinaryPrimitives.WriteUInt64LittleEndian(r, regions[i].GuestAddress);
            BinaryPrimitives.WriteUInt64LittleEndian(r[8..], regions[i].Size);
            BinaryPrimitives.WriteUInt64LittleEndian(r[16..], (ulong)_mapping + regions[i].FileOffset);
            BinaryPrimitives.WriteUInt64LittleEndian(r[24..], regions[i].FileOffset);
        }
        Send(VhostUserRequest.SetMemTable, payload, Enumerable.Repeat(_memfd.Value, regions.Length).ToArray(), needReply);
    }

    public void SetVringAddr(uint index, DriverQueue queue, bool needReply = false) =>
        SetVringAddrRaw(index, Ram.FrontendAddressOf(queue.DescriptorTable), Ram.FrontendAddressOf(queue.UsedRing),
            Ram.FrontendAddressOf(queue.AvailRing), needReply);

    public void SetVringAddrRaw(uint index, ulong descriptors, ulong used, ulong avail, bool needReply = false)
    {
        byte[] payload = new byte[40];
        BinaryPrimitives.WriteUInt32LittleEndian(payload, index);
        BinaryPrimitives.WriteUInt64LittleEndian(payload.AsSpan(8), descriptors);
        BinaryPrimitives.WriteUInt64LittleEndian(payload.AsSpan(16), used);
        BinaryPrimitives.WriteUInt64LittleEndian(payload.AsSpan(24), avail);
        Send(VhostUserRequest.SetVringAddr, payload, needReply: needReply);
    }

    /// <summary>Creates a fresh eventfd and sends it with SET_VRING_KICK/CALL/ERR (or the invalid-fd bit when <paramref name="noFd"/>).</summary>
    public void SetVringFd(VhostUserRequest request, uint index, bool noFd = false)
    {
        Span<byte> payload = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(payload, index | (noFd ? 1UL << 8 : 0));
        if (noFd)
        {
            Send(request, payload);
            return;
        }
        OwnedFd fd = EventFd.Create();
        OwnedFd?[] slot = request switch
        {
            VhostUserRequest.SetVringKick => Kick,
            VhostUserRequest.SetVringCall => Call,
            _ => Err,
        };
        slot[index]?.Dispose();
        slot[index] = fd;
        Send(request, payload, [fd.Value]);
    }

    /// <summary>Sends SET_VRING_KICK/CALL/ERR for queue <paramref name="index"/> with a descriptor the test made (not kept here).</summary>
    public void SendVringFd(VhostUserRequest request, uint index, int fd)
    {
        Span<byte> payload = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(payload, index);
        Send(request, payload, [fd]);
    }

    /// <summary>Shrinks (or grows) the memfd behind guest RAM, as a frontend that truncates its memory file would.
    /// The test must not touch <see cref="Ram"/> past the new size afterwards (SIGBUS).</summary>
    public void TruncateRam(long bytes)
    {
        if (Libc.Ftruncate(_memfd.Value, bytes) != 0)
            throw new IOException("ftruncate: " + Libc.Describe(Libc.LastError));
    }

    /// <summary>The message sequence QEMU sends when the guest driver starts a ring (size, base, addresses, kick, enable);
    /// <paramref name="nextAvail"/> is the base (0 for a fresh ring, GET_VRING_BASE's answer when resuming).</summary>
    public void StartRing(uint index, DriverQueue queue, bool enable = true, ushort nextAvail = 0)
    {
        SendVringState(VhostUserRequest.SetVringNum, index, (uint)queue.Size);
        SendVringState(VhostUserRequest.SetVringBase, index, nextAvail);
        SetVringAddr(index, queue);
        SetVringFd(VhostUserRequest.SetVringKick, index);
        if (enable)
            SendVringState(VhostUserRequest.SetVringEnable, index, 1);
    }

    public ushort GetVringBase(uint index)
    {
        SendVringState(VhostUserRequest.GetVringBase, index, 0);
        (VhostUserHeader header, byte[] payload) = ReceiveReply();
        if (header.Request != (uint)VhostUserRequest.GetVringBase)
            throw new InvalidDataException("unexpected reply " + header);
        return (ushort)BinaryPrimitives.ReadUInt32LittleEndian(payload.AsSpan(4));
    }

    /// <summary>Writes the kick eventfd of queue <paramref name="index"/>.</summary>
    public void KickQueue(int index) => EventFd.Signal(Kick[index]!.Value);

    /// <summary>Waits for the call eventfd of queue <paramref name="index"/> and clears it; false on timeout.</summary>
    public bool WaitCall(int index, int timeoutMilliseconds = 5000)
    {
        if (!WaitReadable(Call[index]!.Value, timeoutMilliseconds))
            return false;
        EventFd.Drain(Call[index]!.Value);
        return true;
    }

    /// <summary>Waits for the err eventfd of queue <paramref name="index"/>; false on timeout.</summary>
    public bool WaitErr(int index, int timeoutMilliseconds = 2000) => WaitReadable(Err[index]!.Value, timeoutMilliseconds);

    public static bool WaitReadable(int fd, int timeoutMilliseconds)
    {
        var p = new Libc.PollFd { Fd = fd, Events = Libc.POLLIN };
        return Libc.Poll(&p, 1, timeoutMilliseconds) > 0 && (p.Revents & Libc.POLLIN) != 0;
    }

    public void Dispose()
    {
        _socket.Dispose();
        foreach (OwnedFd? fd in Kick.Concat(Call).Concat(Err))
            fd?.Dispose();
        Libc.Munmap(_mapping, (nuint)RamBytes);
        _memfd.Dispose();
    }
}
