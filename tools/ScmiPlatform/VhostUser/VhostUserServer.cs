// The listening side: accepts one frontend at a time and runs its messages and kicks on one thread.
using ScmiPlatform.Device;
using ScmiPlatform.Virtqueue;

namespace ScmiPlatform.VhostUser;

/// <summary>
/// Listens on a unix socket, serves one frontend connection at a time, and after a disconnect returns to
/// accepting with fresh state (memory unmapped, descriptors closed, model reset). Control messages and
/// kicks are handled on the thread that calls <see cref="Run"/>, so ring setup and ring service never
/// race; completions from other threads go through the device lock. <see cref="Stop"/> is safe from any
/// thread (for example a signal handler).
/// </summary>
public sealed unsafe class VhostUserServer : IDisposable
{
    /// <summary>How often rings started without a kick fd are served.</summary>
    private const int PolledRingIntervalMilliseconds = 1;

    private readonly string _socketPath;
    private readonly ScmiVirtioDevice _device;
    private readonly TransportLog _log;
    private readonly OwnedFd _stop = EventFd.Create();
    private UnixSocket? _listener;

    public VhostUserServer(string socketPath, ScmiVirtioDevice device, TransportLog log)
    {
        _socketPath = socketPath;
        _device = device;
        _log = log;
    }

    /// <summary>
    /// Offer VIRTIO_SCMI_F_P2A_CHANNELS (default). Without it the driver sees no eventq feature and the
    /// model answers every asynchronous or notify request NOT_SUPPORTED (virtio 1.3 §5.17.3).
    /// </summary>
    public bool OfferP2AChannels { get; init; } = true;

    /// <summary>Connections accepted so far.</summary>
    public int Connections { get; private set; }

    /// <summary>Creates the socket (removing a stale file) and starts listening; frontends may connect from now on.</summary>
    public void Listen()
    {
        _listener = UnixSocket.Listen(_socketPath);
    }

    /// <summary>Serves frontends until <see cref="Stop"/>.</summary>
    public void Run()
    {
        if (_listener is null)
            Listen();
        while (WaitReadable(_listener!.Fd))
        {
            UnixSocket connection;
            try { connection = _listener.Accept(stopFd: _stop.Value); }
            catch (IOException e)
            {
                _log.Warn(e.Message);
                continue;
            }
            Connections++;
            _log.Info($"frontend connected (connection {Connections})");
            bool stopped = false;
            using (var backend = new VhostUserBackend(connection, _device, _log, OfferedFeatures))
            {
                try { stopped = Serve(backend); }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // A bug in the backend must not take the daemon down: drop this frontend, keep listening.
                    _log.Warn($"internal error while serving the frontend, dropping it: {e}");
                }
            }
            _log.Info($"frontend disconnected; {_device.Counters}");
            if (stopped)
                return;
        }
    }

    private VirtioFeatures OfferedFeatures => OfferP2AChannels
        ? VhostUserBackend.OfferedFeatures
        : VhostUserBackend.OfferedFeatures & ~ScmiFeatures.P2AChannels;

    /// <summary>Asks <see cref="Run"/> to return.</summary>
    public void Stop() => EventFd.Signal(_stop.Value);

    /// <summary>Serves one connection; true when the server was asked to stop meanwhile.</summary>
    private bool Serve(VhostUserBackend backend)
    {
        // Slot 0: stop request, 1: the frontend's socket, 2..: kick eventfds. Reused on every wake-up.
        var fds = new Libc.PollFd[2 + VhostUserBackend.QueueCount];
        var kickQueue = new int[VhostUserBackend.QueueCount];
        while (true)
        {
            fds[0] = new Libc.PollFd { Fd = _stop.Value, Events = Libc.POLLIN };
            fds[1] = new Libc.PollFd { Fd = backend.SocketFd, Events = Libc.POLLIN };
            int count = 2;
            bool anyPolled = false;
            for (int queue = 0; queue < VhostUserBackend.QueueCount; queue++)
            {
                int kick = backend.KickFd(queue);
                if (kick >= 0)
                {
                    kickQueue[count - 2] = queue;
                    fds[count++] = new Libc.PollFd { Fd = kick, Events = Libc.POLLIN };
                }
                anyPolled |= backend.IsPolled(queue);
            }
            int ready;
            // Safety: the array is pinned for the call and holds at least the count passed.
            fixed (Libc.PollFd* p = fds)
                ready = Libc.Poll(p, (nuint)count, anyPolled ? PolledRingIntervalMilliseconds : -1);
            if (ready < 0)
            {
                if (Libc.LastError == Libc.EINTR)
                    continue;
                _log.Warn("poll: " + Libc.Describe(Libc.LastError));
                return false;
            }
            if (fds[0].Revents != 0)
                return true;
            if (fds[1].Revents != 0 && !backend.HandleNextMessage())
                return backend.StopRequested;
            for (int i = 2; i < count; i++)
            {
                short revents = fds[i].Revents;
                if ((revents & Libc.POLLIN) != 0)
                    backend.OnKick(kickQueue[i - 2]);
                // A kick fd that hung up or failed would make poll return at once for ever: stop using it.
                if ((revents & (Libc.POLLHUP | Libc.POLLERR | Libc.POLLNVAL)) != 0 && backend.KickFd(kickQueue[i - 2]) == fds[i].Fd)
                    backend.OnKickFdFailed(kickQueue[i - 2], revents);
            }
            for (int queue = 0; queue < VhostUserBackend.QueueCount; queue++)
            {
                if (backend.IsPolled(queue))
                    backend.OnPoll(queue);
            }
        }
    }

    /// <summary>Waits for <paramref name="fd"/> to be readable; false when asked to stop.</summary>
    private bool WaitReadable(int fd)
    {
        Libc.PollFd* p = stackalloc Libc.PollFd[2];
        while (true)
        {
            p[0] = new Libc.PollFd { Fd = _stop.Value, Events = Libc.POLLIN };
            p[1] = new Libc.PollFd { Fd = fd, Events = Libc.POLLIN };
            int ready = Libc.Poll(p, 2, -1);
            if (ready < 0 && Libc.LastError == Libc.EINTR)
                continue;
            if (ready < 0 || p[0].Revents != 0)
                return false;
            if (p[1].Revents != 0)
                return true;
        }
    }

    public void Dispose()
    {
        _listener?.Dispose();
        if (_listener is not null)
            Libc.Unlink(_socketPath);
        _stop.Dispose();
    }
}
