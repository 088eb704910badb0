// eventfd(2) helpers: the kick, call and err signals of vhost-user, and the server's own wake-ups.
namespace ScmiPlatform.VhostUser;

/// <summary>Creates, signals and drains eventfds (8-byte counter reads and writes).
/// Safety: reads and writes go through an 8-byte local, exactly the size passed.</summary>
internal static unsafe class EventFd
{
    /// <summary>A new non-blocking eventfd.</summary>
    public static OwnedFd Create()
    {
        int fd = Libc.EventFd(0, Libc.EFD_CLOEXEC | Libc.EFD_NONBLOCK);
        if (fd < 0)
            throw new IOException("eventfd: " + Libc.Describe(Libc.LastError));
        return new OwnedFd(fd);
    }

    /// <summary>Adds one to the counter; false when the write failed (closed descriptor).</summary>
    public static bool Signal(int fd)
    {
        ulong one = 1;
        return fd >= 0 && Libc.Write(fd, &one, sizeof(ulong)) == sizeof(ulong);
    }

    /// <summary>Reads and clears the counter; 0 when nothing was pending.</summary>
    public static ulong Drain(int fd)
    {
        ulong value = 0;
        return Libc.Read(fd, &value, sizeof(ulong)) == sizeof(ulong) ? value : 0;
    }
}
