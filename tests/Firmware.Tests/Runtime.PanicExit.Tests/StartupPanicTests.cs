// A panic with no recovery point active (here: during start-up, before the test runner) stops the machine
// with exit code 2; the image passes only if it does (and the test below never runs).
using System.Runtime.CompilerServices;
using Nano.Runtime;
using Nano.TestFramework;

namespace Runtime.PanicExit.Tests;

internal static class StartupPanic
{
#pragma warning disable CA2255 // a module initializer is exactly the start-up code this image needs to panic in
    [ModuleInitializer]
    internal static void PanicBeforeAnyTest() => Panic.Fail("deliberate panic outside any test");
#pragma warning restore CA2255
}

[TestClass]
public static class StartupPanicTests
{
    [TestMethod]
    public static void Never_runs_because_start_up_panicked() => Assert.Fail("the start-up panic returned");
}
