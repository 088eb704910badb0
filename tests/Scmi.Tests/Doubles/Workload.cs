// A mixed SCMI workload for fault runs: base, clock (with async rate sets and rate notifications), results checked.
using System.Buffers.Binary;
using Scmi.Virtio;

namespace Scmi.Tests.Doubles;

/// <summary>How the workload completes its transfers.</summary>
public enum CompletionMode
{
    Interrupt,
    Polling,
    Mixed,
}

/// <summary>What a workload run saw, for the invariants.</summary>
public sealed class WorkloadOutcome
{
    public Dictionary<ScmiTransportResult, int> Results { get; } = new();
    public int PlatformMessages;
    public int WrongVersions;
    public int BadPlatformMessages;
    public int Exceptions;

    public int Count(ScmiTransportResult result) => Results.GetValueOrDefault(result);
}

/// <summary>Runs <paramref name="commands"/> transfers through the loopback, fetching platform messages between them.</summary>
public static class Workload
{
    public static WorkloadOutcome Run(Loopback loop, CompletionMode mode, int commands)
    {
        var outcome = new WorkloadOutcome();
        Span<byte> parameters = stackalloc byte[16];
        Span<byte> values = stackalloc byte[128];
        // CLOCK_RATE_NOTIFY(clock 1, enable): every rate change is also a notification.
        BinaryPrimitives.WriteUInt32LittleEndian(parameters, 1);
        BinaryPrimitives.WriteUInt32LittleEndian(parameters.Slice(4), 1);
        Record(outcome, loop.Exchange(ScmiHeader.Command(ScmiProtocolId.Clock, 0x9), parameters.Slice(0, 8), 0, false, values, out _, out _));
        for (int i = 0; i < commands; i++)
        {
            bool poll = mode == CompletionMode.Polling || (mode == CompletionMode.Mixed && i % 2 == 1);
            ScmiTransportResult result;
            switch (i % 4)
            {
                case 0:
                    result = loop.Exchange(ScmiHeader.Command(ScmiProtocolId.Base, 0), default, 4, poll, values.Slice(0, 4), out ScmiStatus status, out int length);
                    if (result == ScmiTransportResult.Ok && status == ScmiStatus.Success && (length != 4 || BinaryPrimitives.ReadUInt32LittleEndian(values) != 0x20000))
                        outcome.WrongVersions++;
                    break;
                case 1:
                    // CLOCK_RATE_SET, asynchronous: a delayed response (CLOCK_RATE_SET_COMPLETE) follows on the eventq.
                    BinaryPrimitives.WriteUInt32LittleEndian(parameters, 1);
                    BinaryPrimitives.WriteUInt32LittleEndian(parameters.Slice(4), 1);
                    BinaryPrimitives.WriteUInt64LittleEndian(parameters.Slice(8), (ulong)(2 + i % 10) * 100_000_000);
                    result = loop.Exchange(ScmiHeader.Command(ScmiProtocolId.Clock, 0x5), parameters, 0, poll, values.Slice(0, 0), out _, out _);
                    break;
                case 2:
                    BinaryPrimitives.WriteUInt32LittleEndian(parameters, 1);
                    result = loop.Exchange(ScmiHeader.Command(ScmiProtocolId.Clock, 0x6), parameters.Slice(0, 4), 8, poll, values.Slice(0, 8), out _, out _);
                    break;
                default:
                    result = loop.Exchange(ScmiHeader.Command(ScmiProtocolId.Base, 3), default, 16, poll, values.Slice(0, 16), out _, out _);
                    break;
            }
            Record(outcome, result);
            DrainPlatformMessages(loop, outcome, values);
        }
        return outcome;
    }

    public static void DrainPlatformMessages(Loopback loop, WorkloadOutcome outcome, Span<byte> scratch)
    {
        while (loop.Channel.FetchNotification(out ScmiHeader header, scratch, out _) == ScmiTransportResult.Ok)
        {
            outcome.PlatformMessages++;
            if (header.Type != ScmiMessageType.DelayedResponse && header.Type != ScmiMessageType.Notification)
                outcome.BadPlatformMessages++;
        }
    }

    private static void Record(WorkloadOutcome outcome, ScmiTransportResult result) =>
        outcome.Results[result] = outcome.Results.GetValueOrDefault(result) + 1;
}
