// Every platform fault mode, every completion mode, many seeds: the transport's invariants hold in each run.
using Scmi.Tests.Doubles;
using Scmi.Virtio;

namespace Scmi.Tests;

public class FaultMatrixTests
{
    /// <summary>Seeds per (fault, mode); SCMI_FAULT_SEEDS raises it for a long run.</summary>
    private static readonly int Seeds = int.TryParse(Environment.GetEnvironmentVariable("SCMI_FAULT_SEEDS"), out int n) ? n : 60;
    private const int Commands = 24;

    public static TheoryData<string, CompletionMode> Cases()
    {
        var data = new TheoryData<string, CompletionMode>();
        string[] faults =
        [
            "delay=1ms..3ms", "late=BASE.PROTOCOL_VERSION:50ms~30%", "reorder", "reorder=2ms", "duplicate", "early",
            "corrupt=token~20%", "corrupt=msgid~20%", "corrupt=protocol~20%", "corrupt=type~20%", "corrupt=previous~20%",
            "corrupt=token+msgid~20%", "short~20%", "flood=3", "drop=BASE.PROTOCOL_VERSION~20%", "error=BASE.PROTOCOL_VERSION:BUSY~20%",
        ];
        foreach (string fault in faults)
        {
            foreach (CompletionMode mode in Enum.GetValues<CompletionMode>())
                data.Add(fault, mode);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Invariants_hold_under_the_fault(string fault, CompletionMode mode)
    {
        ulong rejected = 0, late = 0, timedOut = 0;
        for (int seed = 0; seed < Seeds; seed++)
        {
            ScmiVirtioCounters c = RunOne(fault, mode, seed);
            rejected += c.Malformed + c.Unexpected;
            late += c.Late;
            timedOut += c.TimedOut;
        }
        // The fault really struck: what it damages was seen and counted.
        if (fault.StartsWith("corrupt") || fault.StartsWith("short"))
            Assert.True(rejected > 0, $"{fault} {mode}: no reply was rejected");
        if (fault.StartsWith("late"))
            Assert.True(late > 0, $"{fault} {mode}: no late reply counted");
        if (fault.StartsWith("drop"))
            Assert.True(timedOut > 0, $"{fault} {mode}: no timeout reported");
    }

    private static ScmiVirtioCounters RunOne(string fault, CompletionMode mode, int seed)
    {
        string where = $"{fault} {mode} seed {seed}";
        var loop = new Loopback([fault], seed, mode == CompletionMode.Polling ? InterruptDelivery.Off : InterruptDelivery.Deferred);
        ScmiVirtioTransport t = loop.Channel;
        WorkloadOutcome outcome = Workload.Run(loop, mode, Commands);

        // Nothing but these outcomes; every reply delivered is the right one.
        foreach (ScmiTransportResult result in outcome.Results.Keys)
            Assert.True(result is ScmiTransportResult.Ok or ScmiTransportResult.TimedOut or ScmiTransportResult.Malformed, $"{where}: {result}");
        Assert.True(outcome.WrongVersions == 0, $"{where}: a wrong reply was delivered as PROTOCOL_VERSION");
        Assert.True(outcome.BadPlatformMessages == 0, $"{where}: a bad platform message was delivered");
        // Every timeout was reported to its caller and counted; every malformed result was counted.
        Assert.True((ulong)outcome.Count(ScmiTransportResult.TimedOut) == t.Counters.TimedOut, $"{where}: timeouts {outcome.Count(ScmiTransportResult.TimedOut)} vs {t.Counters.TimedOut}");
        Assert.True((ulong)outcome.Count(ScmiTransportResult.Malformed) <= t.Counters.Malformed + t.Counters.Unexpected, $"{where}: malformed not counted");

        // Let late replies come home: then only dropped commands still hold buffers, and none was ever reused.
        for (int i = 0; i < 2000 && t.HeldByDevice > 0 && loop.Scheduler.PendingCount > 0; i++)
            loop.Clock.Spin();
        Workload.DrainPlatformMessages(loop, outcome, new byte[128]);
        t.ProcessDeferred();
        if (!fault.StartsWith("drop"))
            Assert.True(t.HeldByDevice == 0, $"{where}: {t.HeldByDevice} buffers never came back");
        Assert.True(t.Counters.Late <= t.Counters.TimedOut, $"{where}: more late replies than timeouts");
        if (!fault.StartsWith("drop"))
            Assert.True(t.Counters.Late == t.Counters.TimedOut, $"{where}: timed out {t.Counters.TimedOut}, late {t.Counters.Late}");
        Assert.True(loop.Checker.Violations.Count == 0, $"{where}: {string.Join("; ", loop.Checker.Violations)}");
        Assert.True(loop.Memory.Allocations == loop.AllocationsAtSeal, $"{where}: allocation after the seal");
        Assert.True(t.Counters.RingResets == 0, $"{where}: the honest platform broke the ring?");

        // The channel still works afterwards.
        bool served = false;
        for (int attempt = 0; attempt < 30 && !served; attempt++)
        {
            served = loop.BaseVersion(mode == CompletionMode.Polling, out ScmiStatus status, out uint version) == ScmiTransportResult.Ok
                && status == ScmiStatus.Success && version == 0x20000;
        }
        Assert.True(served, $"{where}: the channel does not serve any more");
        Assert.True(outcome.PlatformMessages > 0, $"{where}: no delayed response or notification came through the eventq");
        return t.Counters;
    }
}
