// POSIX signals for child processes: .NET can only send SIGKILL (Process.Kill), and the daemons and QEMU
// shut down cleanly (socket removed, files closed) only on SIGTERM or SIGINT.
using System.Runtime.InteropServices;

namespace Nf.Processes;

public static partial class Signals
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    /// <summary>Sends <paramref name="signal"/> to process <paramref name="pid"/>; false when it is gone (ESRCH) or not ours.</summary>
    public static bool Send(int pid, int signal) => Kill(pid, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
