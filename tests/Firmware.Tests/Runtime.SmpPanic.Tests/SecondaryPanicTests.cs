// A panic on a secondary CPU with no recovery point there ends the machine: the report names CPU 2, and CPU 2
// stops the other three first (the image passes only when it dies that way; the assertion below never runs).
using Nano.Runtime;
using Nano.Runtime.Native;
using Nano.TestFramework;

namespace Runtime.SmpPanic.Tests;

[TestClass]
public static unsafe class SecondaryPanicTests
{
    private static void Spin()
    {
        while (true)
        {
        }
    }

    private static void PanicHere() => Panic.Fail("deliberate panic on a secondary CPU");

    [TestMethod]
    public static void A_panic_on_CPU_2_stops_every_CPU()
    {
        Assert.AreEqual(4, Cpu.Count, "CPUs online (the image boots with -smp 4)");
        Assert.IsTrue(Cpu.Start(1, &Spin));
        Assert.IsTrue(Cpu.Start(3, &Spin));
        Assert.IsTrue(Cpu.Start(2, &PanicHere));
        Cpu.Join(2);
        Assert.Fail("CPU 2's panic did not stop CPU 0");
    }
}
