// The protocol clients and notification recorders the client tests share, built once before the heap is sealed.
using System;
using Nano.TestFramework;
using Scmi;
using Scmi.Protocols;

namespace Scmi.Protocols.Tests;

/// <summary>One client per protocol and the recorders the tests subscribe; <see cref="Create"/> runs before <c>Heap.Seal()</c>.</summary>
internal static class ProtocolClients
{
    public static BaseProtocol? Base;
    public static PowerDomainProtocol? Power;
    public static SystemPowerProtocol? SystemPower;
    public static ResetDomainProtocol? Reset;
    public static VoltageDomainProtocol? Voltage;
    public static PowerCappingProtocol? PowerCap;
    public static EventRecorder? PowerStateChanged;
    public static EventRecorder? ResetIssued;
    public static EventRecorder? CapChanged;

    /// <summary>Builds every client and recorder. Context: thread, before the seal.</summary>
    public static void Create(ScmiAgent agent)
    {
        Base = new BaseProtocol(agent);
        Power = new PowerDomainProtocol(agent);
        SystemPower = new SystemPowerProtocol(agent);
        Reset = new ResetDomainProtocol(agent);
        Voltage = new VoltageDomainProtocol(agent);
        PowerCap = new PowerCappingProtocol(agent);
        PowerStateChanged = new EventRecorder();
        ResetIssued = new EventRecorder();
        CapChanged = new EventRecorder();
    }

    /// <summary>Discovers <paramref name="client"/> once; fails the test if it cannot.</summary>
    public static void Discovered(ScmiProtocolClient client)
    {
        if (!client.IsDiscovered)
            AgentUnderTest.AssertOk(client.Discover(), "discover");
    }

    /// <summary>Takes platform messages until <paramref name="recorder"/> has seen <paramref name="count"/> events or 5 s passed.</summary>
    public static void WaitFor(EventRecorder recorder, int count)
    {
        ScmiAgent agent = AgentUnderTest.Agent!;
        ulong deadline = agent.Clock.Microseconds + 5_000_000;
        while (recorder.Seen < count && agent.Clock.Microseconds < deadline)
        {
            agent.ProcessPlatformMessages();
            agent.Clock.Spin();
        }
        Assert.AreEqual(count, recorder.Seen, "events seen");
    }

    /// <summary>True when the first <paramref name="length"/> bytes of <paramref name="name"/> are <paramref name="expected"/>.</summary>
    public static bool NameIs(ReadOnlySpan<byte> name, int length, ReadOnlySpan<byte> expected) => name.Slice(0, length).SequenceEqual(expected);
}

/// <summary>Keeps a copy of the last notification's payload and counts them; no allocation per event.</summary>
internal sealed class EventRecorder : ScmiNotificationHandler
{
    private readonly byte[] _payload = new byte[64];

    public int Seen;
    public int Length;

    public ReadOnlySpan<byte> Last => new ReadOnlySpan<byte>(_payload, 0, Length);

    public override void OnNotification(in ScmiNotification notification)
    {
        int length = notification.Payload.Length < _payload.Length ? notification.Payload.Length : _payload.Length;
        notification.Payload.Slice(0, length).CopyTo(_payload);
        Length = length;
        Seen++;
    }
}
