// Handler objects: a driver registers an InterruptHandler (no unsafe code) and its OnInterrupt runs in IRQ
// context with the INTID, without allocating.
using System;
using System.Threading;
using Nano.Runtime;
using Nano.Runtime.Native;
using Nano.TestFramework;

namespace Runtime.Tests;

/// <summary>Counts its interrupts and keeps the last INTID (written in IRQ context, read by the thread).</summary>
internal sealed class RecordingHandler : InterruptHandler
{
    private int _calls;
    private uint _lastIntid;
    private bool _sawMaskedInterrupts;

    public int Calls => Volatile.Read(ref _calls);

    public uint LastIntid => Volatile.Read(ref _lastIntid);

    public bool SawMaskedInterrupts => Volatile.Read(ref _sawMaskedInterrupts);

    public override void OnInterrupt(uint intid)
    {
        Volatile.Write(ref _lastIntid, intid);
        Volatile.Write(ref _sawMaskedInterrupts, !Cpu.InterruptsEnabled);
        Volatile.Write(ref _calls, _calls + 1);
    }

    public bool WaitForCalls(int count)
    {
        ulong end = Clock.Ticks + Clock.MicrosecondsToTicks(100_000);
        while (Calls < count && Clock.Ticks < end)
        {
            // Spin, not WFI: when the interrupt never comes nothing would wake the core.
        }
        return Calls >= count;
    }
}

[TestClass]
public static class InterruptHandlerTests
{
    // SPIs no qemu-virt device uses (virtio slots are INTIDs 48..79, the UART 33).
    private const uint FirstIntid = 102;
    private const uint SecondIntid = 103;

    private static readonly RecordingHandler First = new();
    private static readonly RecordingHandler Second = new();
    private static uint s_nullIntid;

    [Cleanup]
    public static void ForgetHandlers()
    {
        Interrupts.Unregister(FirstIntid);
        Interrupts.Unregister(SecondIntid);
    }

    [TestMethod]
    public static void A_registered_object_receives_its_intid_in_interrupt_context()
    {
        int before = First.Calls;
        Interrupts.Register(FirstIntid, First);
        Interrupts.Configure(FirstIntid, InterruptTrigger.Edge);
        Interrupts.Enable(FirstIntid);
        Interrupts.SetPending(FirstIntid);
        Assert.IsTrue(First.WaitForCalls(before + 1), "delivered to the object");
        Assert.AreEqual(FirstIntid, First.LastIntid);
        Assert.IsTrue(First.SawMaskedInterrupts, "ran with interrupts masked");
        Interrupts.SetPending(FirstIntid);
        Assert.IsTrue(First.WaitForCalls(before + 2), "ended, so the next one comes through");
    }

    [TestMethod]
    public static void Each_intid_reaches_its_own_object()
    {
        int first = First.Calls, second = Second.Calls;
        Interrupts.Register(FirstIntid, First);
        Interrupts.Register(SecondIntid, Second);
        Interrupts.Configure(FirstIntid, InterruptTrigger.Edge);
        Interrupts.Configure(SecondIntid, InterruptTrigger.Edge);
        Interrupts.Enable(FirstIntid);
        Interrupts.Enable(SecondIntid);
        Interrupts.SetPending(SecondIntid);
        Assert.IsTrue(Second.WaitForCalls(second + 1), "second delivered");
        Assert.AreEqual(SecondIntid, Second.LastIntid);
        Assert.AreEqual(first, First.Calls, "the first object was not called");
    }

    [TestMethod]
    public static void Dispatching_to_an_object_allocates_nothing()
    {
        Interrupts.Register(FirstIntid, First);
        Interrupts.Configure(FirstIntid, InterruptTrigger.Edge);
        Interrupts.Enable(FirstIntid);
        int before = First.Calls;
        long bytes = Heap.BytesAllocated, objects = Heap.ObjectsAllocated;
        for (int i = 1; i <= 100; i++)
        {
            Interrupts.SetPending(FirstIntid);
            Assert.IsTrue(First.WaitForCalls(before + i), "delivered");
        }
        Assert.AreEqual(bytes, Heap.BytesAllocated, "bytes");
        Assert.AreEqual(objects, Heap.ObjectsAllocated, "objects");
    }

    [TestMethod]
    public static unsafe void Registering_replaces_and_unregistering_forgets()
    {
        int first = First.Calls, second = Second.Calls;
        Interrupts.Register(FirstIntid, First);
        Interrupts.Register(FirstIntid, Second);
        Interrupts.Configure(FirstIntid, InterruptTrigger.Edge);
        Interrupts.Enable(FirstIntid);
        Interrupts.SetPending(FirstIntid);
        Assert.IsTrue(Second.WaitForCalls(second + 1), "the replacement runs");
        Assert.AreEqual(first, First.Calls, "the replaced object does not");
        Interrupts.Unregister(FirstIntid);
        Assert.AreEqual(Panic.ExitCode, Recovery.Run(&EnableFirst), "no handler after Unregister");
    }

    private static unsafe void EnableFirst() => Interrupts.Enable(FirstIntid);

    private static void RegisterNull() => Interrupts.Register(s_nullIntid, (InterruptHandler)null!);

    [TestMethod]
    public static unsafe void A_null_handler_object_panics()
    {
        s_nullIntid = FirstIntid;
        Assert.AreEqual(Panic.ExitCode, Recovery.Run(&RegisterNull));
        Assert.IsTrue(Panic.LastReason.StartsWith("Interrupts.Register: null handler"), "named");
    }
}
