// The libc calls the vhost-user server needs: unix sockets with SCM_RIGHTS, mmap, eventfd, poll.
using System.Runtime.InteropServices;

namespace ScmiPlatform.VhostUser;

/// <summary>
/// Linux libc entry points (x86-64 and AArch64 share these LP64 layouts). Wrappers in this file only
/// translate; callers check results and errno (<see cref="Marshal.GetLastPInvokeError"/>). The only
/// unsafe code of the vhost-user layer is here and at its call sites (UnixSocket, EventFd, MappedRegions,
/// VhostUserServer's poll); guest memory itself is reached only through Virtqueue.GuestMemory.
/// </summary>
internal static unsafe partial class Libc
{
    public const int AF_UNIX = 1;
    public const int SOCK_STREAM = 1;
    public const int SOCK_CLOEXEC = 0x80000;
    public const int SOCK_NONBLOCK = 0x800;
    public const int SOL_SOCKET = 1;
    public const int SCM_RIGHTS = 1;
    public const int MSG_CMSG_CLOEXEC = 0x40000000;
    public const int MSG_NOSIGNAL = 0x4000;
    public const int MSG_CTRUNC = 0x8;
    public const int PROT_READ = 1;
    public const int PROT_WRITE = 2;
    public const int MAP_SHARED = 1;
    public static readonly nint MAP_FAILED = -1;
    public const int EFD_CLOEXEC = 0x80000;
    public const int EFD_NONBLOCK = 0x800;
    public const int MFD_CLOEXEC = 1;
    public const short POLLIN = 0x1;
    public const short POLLOUT = 0x4;
    public const short POLLERR = 0x8;
    public const short POLLHUP = 0x10;
    public const short POLLNVAL = 0x20;
    public const int EINTR = 4;
    public const int EAGAIN = 11;
    public const int ENOENT = 2;
    public const int F_GETFL = 3;
    public const int F_SETFL = 4;
    public const int O_NONBLOCK = 0x800;
    /// <summary>Bytes reserved for a struct stat (x86-64: 144, AArch64: 128).</summary>
    public const int StatBufferBytes = 256;
    /// <summary>Offset of st_size in struct stat: 48 on both x86-64 and the generic AArch64 layout.</summary>
    public const int StatSizeOffset = 48;

    /// <summary>struct sockaddr_un: sa_family_t (u16) + char sun_path[108].</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct SockaddrUn
    {
        public ushort Family;
        public fixed byte Path[108];
    }

    /// <summary>struct iovec.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct IoVec
    {
        public void* Base;
        public nuint Length;
    }

    /// <summary>struct msghdr (LP64).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct MsgHdr
    {
        public void* Name;
        public uint NameLength;
        public IoVec* Iov;
        public nuint IovLength;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }

    /// <summary>struct cmsghdr (LP64): size_t len; int level; int type; then data aligned to 8.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct CmsgHdr
    {
        public nuint Length;
        public int Level;
        public int Type;
    }

    /// <summary>struct pollfd.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    public static int CmsgAlign(int length) => (length + sizeof(nuint) - 1) & ~(sizeof(nuint) - 1);
    public static int CmsgSpace(int dataLength) => CmsgAlign(sizeof(CmsgHdr)) + CmsgAlign(dataLength);
    public static int CmsgLen(int dataLength) => CmsgAlign(sizeof(CmsgHdr)) + dataLength;

    [LibraryImport("libc", EntryPoint = "socket", SetLastError = true)]
    public static partial int Socket(int domain, int type, int protocol);

    [LibraryImport("libc", EntryPoint = "socketpair", SetLastError = true)]
    public static partial int SocketPair(int domain, int type, int protocol, int* fds);

    [LibraryImport("libc", EntryPoint = "bind", SetLastError = true)]
    public static partial int Bind(int fd, SockaddrUn* address, uint length);

    [LibraryImport("libc", EntryPoint = "connect", SetLastError = true)]
    public static partial int Connect(int fd, SockaddrUn* address, uint length);

    [LibraryImport("libc", EntryPoint = "listen", SetLastError = true)]
    public static partial int Listen(int fd, int backlog);

    [LibraryImport("libc", EntryPoint = "accept4", SetLastError = true)]
    public static partial int Accept4(int fd, void* address, void* length, int flags);

    [LibraryImport("libc", EntryPoint = "recvmsg", SetLastError = true)]
    public static partial nint RecvMsg(int fd, MsgHdr* message, int flags);

    [LibraryImport("libc", EntryPoint = "sendmsg", SetLastError = true)]
    public static partial nint SendMsg(int fd, MsgHdr* message, int flags);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, void* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, void* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    [LibraryImport("libc", EntryPoint = "eventfd", SetLastError = true)]
    public static partial int EventFd(uint initialValue, int flags);

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    public static partial nint Mmap(nint address, nuint length, int protection, int flags, int fd, long offset);

    [LibraryImport("libc", EntryPoint = "munmap", SetLastError = true)]
    public static partial int Munmap(nint address, nuint length);

    [LibraryImport("libc", EntryPoint = "memfd_create", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int MemfdCreate(string name, uint flags);

    [LibraryImport("libc", EntryPoint = "ftruncate", SetLastError = true)]
    public static partial int Ftruncate(int fd, long length);

    [LibraryImport("libc", EntryPoint = "unlink", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Unlink(string path);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    public static partial int Fcntl(int fd, int command, int argument);

    [LibraryImport("libc", EntryPoint = "fstat", SetLastError = true)]
    public static partial int Fstat(int fd, byte* statBuffer);

    [LibraryImport("libc", EntryPoint = "pipe2", SetLastError = true)]
    public static partial int Pipe2(int* fds, int flags);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    public const int SIGTERM = 15;
    public const int SIGINT = 2;

    public static int LastError => Marshal.GetLastPInvokeError();

    /// <summary>The size of the file behind <paramref name="fd"/> (fstat st_size), or -1 with errno set.</summary>
    public static long FileSize(int fd)
    {
        byte* buffer = stackalloc byte[StatBufferBytes];
        if (Fstat(fd, buffer) != 0)
            return -1;
        return *(long*)(buffer + StatSizeOffset);
    }

    /// <summary>Sets O_NONBLOCK on <paramref name="fd"/> (a property of the open file, shared with the sender); false with errno set.</summary>
    public static bool SetNonBlocking(int fd)
    {
        int flags = Fcntl(fd, F_GETFL, 0);
        return flags >= 0 && ((flags & O_NONBLOCK) != 0 || Fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0);
    }

    public static string Describe(int errno) => Marshal.GetPInvokeErrorMessage(errno) + $" (errno {errno})";

    /// <summary>Fills a sockaddr_un for <paramref name="path"/>; false when the path does not fit sun_path.</summary>
    public static bool TryMakeAddress(string path, out SockaddrUn address, out uint length)
    {
        address = default;
        address.Family = AF_UNIX;
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(path);
        length = 0;
        if (bytes.Length >= 108)
            return false;
        fixed (byte* p = address.Path)
            bytes.CopyTo(new Span<byte>(p, 108));
        length = (uint)(sizeof(ushort) + bytes.Length + 1);
        return true;
    }
}
