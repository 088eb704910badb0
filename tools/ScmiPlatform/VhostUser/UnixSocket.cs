// A connected or listening AF_UNIX stream socket that carries file descriptors (SCM_RIGHTS).
using System.Runtime.InteropServices;

namespace ScmiPlatform.VhostUser;

/// <summary>
/// Stream unix socket over libc. vhost-user sends descriptors as SCM_RIGHTS ancillary data with the
/// first bytes of a message, so <see cref="Receive"/> returns them with the bytes they arrived with.
/// Safety: every pointer handed to libc points into a stackalloc'd or fixed buffer whose length is the one
/// passed with it, and lives until the call returns; ancillary data is parsed within the length the kernel reported.
/// </summary>
internal sealed unsafe class UnixSocket : IDisposable
{
    /// <summary>Most descriptors one vhost-user message carries (SET_MEM_TABLE: one per region, at most 8).</summary>
    public const int MaxFdsPerMessage = 16;

    private readonly OwnedFd _fd;

    private UnixSocket(int fd) => _fd = new OwnedFd(fd);

    public int Fd => _fd.Value;

    /// <summary>
    /// An eventfd that, once readable, makes every wait of this (non-blocking) socket give up: a receive then
    /// returns -1 and a send false, so a frontend that stops mid-message or stops reading cannot hold the
    /// server past a stop request. -1: no such fd (a blocking socket just blocks).
    /// </summary>
    public int StopFd { get; init; } = -1;

    /// <summary>True once a wait gave up because <see cref="StopFd"/> became readable.</summary>
    public bool StopRequested { get; private set; }

    /// <summary>
    /// Binds and listens on <paramref name="path"/>. A file left there by an earlier run is removed first,
    /// unless something still accepts connections on it (then this refuses, rather than steal the socket).
    /// </summary>
    public static UnixSocket Listen(string path)
    {
        if (Path.Exists(path) && !Directory.Exists(path))
        {
            bool alive;
            try
            {
                using UnixSocket probe = Connect(path);
                alive = true;
            }
            catch (IOException)
            {
                alive = false;
            }
            if (alive)
                throw new IOException($"another backend is listening on {path}");
            Libc.Unlink(path);
        }
        if (!Libc.TryMakeAddress(path, out Libc.SockaddrUn address, out uint length))
            throw new ArgumentException($"socket path too long for sun_path (107 bytes): {path}");
        int fd = Libc.Socket(Libc.AF_UNIX, Libc.SOCK_STREAM | Libc.SOCK_CLOEXEC, 0);
        if (fd < 0)
            throw new IOException("socket: " + Libc.Describe(Libc.LastError));
        var socket = new UnixSocket(fd);
        if (Libc.Bind(fd, &address, length) != 0)
        {
            int errno = Libc.LastError;
            socket.Dispose();
            throw new IOException($"bind {path}: " + Libc.Describe(errno));
        }
        if (Libc.Listen(fd, 4) != 0)
        {
            int errno = Libc.LastError;
            socket.Dispose();
            throw new IOException("listen: " + Libc.Describe(errno));
        }
        return socket;
    }

    /// <summary>Connects to a listening socket (the test frontend's side).</summary>
    public static UnixSocket Connect(string path)
    {
        if (!Libc.TryMakeAddress(path, out Libc.SockaddrUn address, out uint length))
            throw new ArgumentException("socket path too long: " + path);
        int fd = Libc.Socket(Libc.AF_UNIX, Libc.SOCK_STREAM | Libc.SOCK_CLOEXEC, 0);
        if (fd < 0)
            throw new IOException("socket: " + Libc.Describe(Libc.LastError));
        var socket = new UnixSocket(fd);
        if (Libc.Connect(fd, &address, length) != 0)
        {
            int errno = Libc.LastError;
            socket.Dispose();
            throw new IOException($"connect {path}: " + Libc.Describe(errno));
        }
        return socket;
    }

    /// <summary>A connected pair (tests drive the server over one end).</summary>
    public static (UnixSocket, UnixSocket) Pair()
    {
        int* fds = stackalloc int[2];
        if (Libc.SocketPair(Libc.AF_UNIX, Libc.SOCK_STREAM | Libc.SOCK_CLOEXEC, 0, fds) != 0)
            throw new IOException("socketpair: " + Libc.Describe(Libc.LastError));
        return (new UnixSocket(fds[0]), new UnixSocket(fds[1]));
    }

    /// <summary>Accepts one connection (blocking); with <paramref name="stopFd"/> the connection is non-blocking and gives up its waits when that fd is readable.</summary>
    public UnixSocket Accept(int stopFd = -1)
    {
        int fd = Libc.Accept4(Fd, null, null, Libc.SOCK_CLOEXEC | (stopFd >= 0 ? Libc.SOCK_NONBLOCK : 0));
        if (fd < 0)
            throw new IOException("accept: " + Libc.Describe(Libc.LastError));
        return new UnixSocket(fd) { StopFd = stopFd };
    }

    /// <summary>Waits until the socket is ready for <paramref name="events"/>; false when a stop was requested (or poll failed).</summary>
    private bool WaitReady(short events)
    {
        Libc.PollFd* p = stackalloc Libc.PollFd[2];
        while (true)
        {
            p[0] = new Libc.PollFd { Fd = Fd, Events = events };
            p[1] = new Libc.PollFd { Fd = StopFd, Events = Libc.POLLIN };
            int ready = Libc.Poll(p, StopFd >= 0 ? 2u : 1u, -1);
            if (ready < 0 && Libc.LastError == Libc.EINTR)
                continue;
            if (ready < 0)
                return false;
            if (StopFd >= 0 && p[1].Revents != 0)
            {
                StopRequested = true;
                return false;
            }
            if (p[0].Revents != 0)
                return true;
        }
    }

    /// <summary>
    /// Receives up to <paramref name="buffer"/>.Length bytes and any descriptors sent with them (owned by the
    /// caller). Returns 0 at end of stream, -1 on error.
    /// </summary>
    public int Receive(Span<byte> buffer, List<OwnedFd> fds)
    {
        int controlBytes = Libc.CmsgSpace(MaxFdsPerMessage * sizeof(int));
        byte* control = stackalloc byte[controlBytes];
        new Span<byte>(control, controlBytes).Clear();
        fixed (byte* data = buffer)
        {
            var iov = new Libc.IoVec { Base = data, Length = (nuint)buffer.Length };
            var message = new Libc.MsgHdr { Iov = &iov, IovLength = 1, Control = control, ControlLength = (nuint)controlBytes };
            nint received;
            while (true)
            {
                received = Libc.RecvMsg(Fd, &message, Libc.MSG_CMSG_CLOEXEC);
                if (received >= 0 || Libc.LastError == Libc.EINTR)
                {
                    if (received >= 0)
                        break;
                    continue;
                }
                // A non-blocking connection: wait for data, or give up on a stop request.
                if (Libc.LastError != Libc.EAGAIN || !WaitReady(Libc.POLLIN))
                    return -1;
            }
            for (byte* at = control; at + sizeof(Libc.CmsgHdr) <= control + message.ControlLength;)
            {
                var header = (Libc.CmsgHdr*)at;
                if (header->Length < (nuint)sizeof(Libc.CmsgHdr))
                    break;
                if (header->Level == Libc.SOL_SOCKET && header->Type == Libc.SCM_RIGHTS)
                {
                    // Never read descriptors past what the kernel filled in, whatever the header claims.
                    nuint available = (nuint)(control + message.ControlLength - at);
                    nuint dataBytes = Math.Min(header->Length, available) - (nuint)Libc.CmsgLen(0);
                    int count = (int)(dataBytes / sizeof(int));
                    int* passed = (int*)(at + Libc.CmsgLen(0));
                    for (int i = 0; i < count; i++)
                        fds.Add(new OwnedFd(passed[i]));
                }
                at += Libc.CmsgAlign((int)header->Length);
            }
            if ((message.Flags & Libc.MSG_CTRUNC) != 0)
                throw new IOException($"more than {MaxFdsPerMessage} descriptors in one message; some were lost");
            return (int)received;
        }
    }

    /// <summary>Receives exactly <paramref name="buffer"/>.Length bytes; false at end of stream or on error.</summary>
    public bool ReceiveExactly(Span<byte> buffer, List<OwnedFd> fds)
    {
        int done = 0;
        while (done < buffer.Length)
        {
            int n = Receive(buffer[done..], fds);
            if (n <= 0)
                return false;
            done += n;
        }
        return true;
    }

    /// <summary>Sends all of <paramref name="data"/>, with <paramref name="fds"/> attached to the first bytes.</summary>
    public bool Send(ReadOnlySpan<byte> data, ReadOnlySpan<int> fds = default)
    {
        int controlBytes = fds.Length > 0 ? Libc.CmsgSpace(fds.Length * sizeof(int)) : 0;
        byte* control = stackalloc byte[Math.Max(controlBytes, 1)];
        if (fds.Length > 0)
        {
            new Span<byte>(control, controlBytes).Clear();
            var header = (Libc.CmsgHdr*)control;
            header->Length = (nuint)Libc.CmsgLen(fds.Length * sizeof(int));
            header->Level = Libc.SOL_SOCKET;
            header->Type = Libc.SCM_RIGHTS;
            fds.CopyTo(new Span<int>(control + Libc.CmsgLen(0), fds.Length));
        }
        int sent = 0;
        fixed (byte* bytes = data)
        {
            while (sent < data.Length)
            {
                var iov = new Libc.IoVec { Base = bytes + sent, Length = (nuint)(data.Length - sent) };
                var message = new Libc.MsgHdr { Iov = &iov, IovLength = 1 };
                if (sent == 0 && controlBytes > 0)
                {
                    message.Control = control;
                    message.ControlLength = (nuint)controlBytes;
                }
                nint n = Libc.SendMsg(Fd, &message, Libc.MSG_NOSIGNAL);
                if (n < 0 && Libc.LastError == Libc.EINTR)
                    continue;
                // A non-blocking connection whose peer does not read: wait for room, or give up on a stop request.
                if (n < 0 && Libc.LastError == Libc.EAGAIN)
                {
                    if (!WaitReady(Libc.POLLOUT))
                        return false;
                    continue;
                }
                if (n <= 0)
                    return false;
                sent += (int)n;
            }
        }
        return true;
    }

    public void Dispose() => _fd.Dispose();
}
