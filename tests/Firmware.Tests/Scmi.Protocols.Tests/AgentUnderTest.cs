// The suite's agent: the SCMI device found, the transport and the agent with every protocol client built, then the heap sealed.
using System;
using Nano.Runtime;
using Nano.TestFramework;
using Scmi;
using Scmi.Virtio;
using Virtio;

namespace Scmi.Protocols.Tests;

/// <summary>
/// Bring-up shared by every class, done once before the first test. Every client is constructed here,
/// before <c>Heap.Seal()</c>; tests allocate nothing after.
/// </summary>
internal static class AgentUnderTest
{
    public static ScmiVirtioTransport? Transport;
    public static ScmiAgent? Agent;
    public static long BytesAtSeal;

    public static ScmiAgent Up()
    {
        if (Agent is not null)
            return Agent;
        Assert.IsTrue(ScmiVirtioDiscovery.TryFind(out MmioTransportLocation location, out MmioDeviceIdentity identity, out _), "no virtio SCMI device found");
        var device = new VirtioDevice(new MmioTransport(new MmioRegisterWindow(location.BaseAddress), identity));
        var options = new ScmiVirtioOptions { SyncTimeoutMicroseconds = 5_000_000 };
        ScmiVirtioStart started = ScmiVirtioTransport.Create(device, options, HeapDmaAllocator.Instance, BarrierMemoryOrdering.Instance, out Transport);
        Assert.AreEqual((int)ScmiVirtioStart.Ok, (int)started, "transport start");
        ScmiVirtioInterrupt.Attach(Transport!, location.InterruptId);
        Agent = new ScmiAgent(Transport!, BoardScmiClock.Instance);
        Transport!.SetReceiver(Agent);

        // ---- Protocol clients: built here, before the seal ----
        AgentCoreTests.CreateHandlers();
        ProtocolClients.Create(Agent);
        ClockClientTests.Create(Agent);
        SensorClientTests.Create(Agent);
        PerformanceClientTests.Create(Agent);

        Heap.Seal();
        BytesAtSeal = Heap.BytesAllocated;
        return Agent;
    }

    /// <summary>Fails the test if anything was allocated since the seal.</summary>
    public static void AssertNothingAllocated() => Assert.AreEqual(BytesAtSeal, Heap.BytesAllocated, "heap bytes after the seal");

    /// <summary>Fails the test unless <paramref name="result"/> is success, naming its three parts.</summary>
    public static void AssertOk(ScmiResult result, string what)
    {
        Assert.AreEqual((int)ScmiTransportResult.Ok, (int)result.Transport, what);
        Assert.AreEqual((int)ScmiStatus.Success, (int)result.Status, what);
        Assert.AreEqual((int)ScmiAgentError.None, (int)result.Agent, what);
    }
}
