// A file descriptor this process owns and closes exactly once.
namespace ScmiPlatform.VhostUser;

/// <summary>An owned Linux file descriptor; <see cref="Dispose"/> closes it once.</summary>
internal sealed class OwnedFd : IDisposable
{
    private int _fd;

    public OwnedFd(int fd) => _fd = fd;

    /// <summary>The descriptor number, or -1 once closed.</summary>
    public int Value => Volatile.Read(ref _fd);

    public void Dispose()
    {
        int fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0)
            Libc.Close(fd);
    }

    public override string ToString() => $"fd {Value}";
}
