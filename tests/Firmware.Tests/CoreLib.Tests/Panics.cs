// Runs a body that must panic under its own recovery point: the panic's escape code (2) comes back.
using Nano.Runtime;
using Nano.Runtime.Native;

namespace CoreLib.Tests;

internal static unsafe class Panics
{
    /// <summary>The code Recovery.Run returned: 0 when the body returned, Panic.ExitCode when it panicked.</summary>
    public static int Run(delegate*<void> body) => Recovery.Run(body);
}
