// The transport's invariants under the platform fault this boot's profile names (or without P2A).
using System;
using System.Buffers.Binary;
using Nano.Runtime.Native;
using Nano.TestFramework;
using PlatformProfile.Tests;
using Scmi;
using Scmi.Transport.Tests;
using Scmi.Virtio;

namespace Scmi.Faults.Tests;

[TestClass]
public class FaultTests
{
    private const int Commands = 400;
    private const ulong TimeoutMicroseconds = 150_000;

    private static int s_ok, s_timedOut, s_malformed, s_other, s_wrongData, s_platformMessages;

    [Setup]
    public static void BringUp() => Channel.Up();

    private static bool Profile(ReadOnlySpan<byte> name) =>
        BootArguments.TryRead(out ReadOnlySpan<byte> arguments) && BootArguments.TryGetProfile(arguments, out ReadOnlySpan<byte> profile)
        && profile.SequenceEqual(name);

    private static bool ProfileStartsWith(ReadOnlySpan<byte> prefix) =>
        BootArguments.TryRead(out ReadOnlySpan<byte> arguments) && BootArguments.TryGetProfile(arguments, out ReadOnlySpan<byte> profile)
        && profile.Length >= prefix.Length && profile.Slice(0, prefix.Length).SequenceEqual(prefix);

    [TestMethod]
    public static void The_boot_names_a_profile()
    {
        Assert.IsTrue(BootArguments.TryRead(out ReadOnlySpan<byte> arguments), "bootargs");
        Assert.IsTrue(BootArguments.TryGetProfile(arguments, out _), "nf.profile");
    }

    [TestMethod]
    public static void Without_P2A_there_is_no_eventq_and_commands_are_served()
    {
        ScmiVirtioTransport t = Channel.Transport!;
        bool noP2A = Profile("no-p2a"u8);
        Assert.AreEqual(!noP2A, t.Capabilities.HasPlatformChannel, "P2A as the platform offers");
        Assert.AreEqual(noP2A, t.EventQueue is null, "eventq only with P2A");
        if (noP2A)
        {
            Span<byte> payload = stackalloc byte[8];
            Assert.AreEqual((int)ScmiTransportResult.NoMessage, (int)t.FetchNotification(out _, payload, out _), "nothing on a missing eventq");
            Channel.AssertOk(Channel.BaseVersion(poll: false), "served by interrupt");
            Channel.AssertOk(Channel.BaseVersion(poll: true), "served by polling");
        }
        Channel.AssertNothingAllocated();
    }

    [TestMethod]
    public static void Invariants_hold_under_the_fault()
    {
        if (Profile("no-p2a"u8))
            return;
        ScmiVirtioTransport t = Channel.Transport!;
        ulong timedOutBefore = t.Counters.TimedOut;
        RunWorkload(t);
        // No panic got us here. Every timeout was reported to its caller and counted.
        Assert.AreEqual((ulong)s_timedOut, t.Counters.TimedOut - timedOutBefore, "timeouts reported and counted");
        Assert.AreEqual(0, s_other, "only ok, timed out or malformed");
        Assert.AreEqual(0, s_wrongData, "no wrong reply delivered as BASE PROTOCOL_VERSION");
        Assert.IsTrue((ulong)s_malformed <= t.Counters.Malformed + t.Counters.Unexpected, "malformed replies counted");
        Assert.IsTrue(s_platformMessages > 0, "delayed responses and notifications came through");
        // Late replies come home: then only dropped commands still hold buffers, and the pool is whole otherwise.
        ulong deadline = Clock.Microseconds + 2_000_000;
        while (t.TimedOutAwaitingDevice > 0 && !Profile("drop"u8) && Clock.Microseconds < deadline)
            t.ProcessDeferred();
        if (!Profile("drop"u8))
        {
            Assert.AreEqual(0, t.HeldByDevice, "every buffer came back");
            Assert.AreEqual(t.Counters.TimedOut, t.Counters.Late, "every timed-out reply came late and was counted");
        }
        if (ProfileStartsWith("corrupt"u8) || Profile("short"u8))
            Assert.IsTrue(t.Counters.Malformed + t.Counters.Unexpected > 0, "damaged replies counted");
        if (Profile("late"u8))
            Assert.IsTrue(t.Counters.Late > 0, "late replies counted");
        if (Profile("drop"u8))
            Assert.IsTrue(t.Counters.TimedOut > 0, "dropped commands timed out");
        Assert.AreEqual(0UL, t.Counters.RingResets, "the honest platform never broke the ring");
        // The channel still works afterwards.
        bool served = false;
        for (int attempt = 0; attempt < 50 && !served; attempt++)
            served = Channel.BaseVersion(poll: (attempt & 1) == 1) == ScmiTransportResult.Ok;
        Assert.IsTrue(served, "served after the run");
        OutputHelper.WriteLine("ok/timed out/malformed/platform messages:");
        Console.Write(s_ok); Console.Write(' '); Console.Write(s_timedOut); Console.Write(' '); Console.Write(s_malformed); Console.Write(' ');
        Console.Write(s_platformMessages); Console.Write('\n');
        Channel.AssertNothingAllocated();
    }

    private static void RunWorkload(ScmiVirtioTransport t)
    {
        Span<byte> parameters = stackalloc byte[16];
        Span<byte> values = stackalloc byte[64];
        // CLOCK_RATE_NOTIFY(clock 1, enable): each rate change also becomes a notification.
        BinaryPrimitives.WriteUInt32LittleEndian(parameters, 1);
        BinaryPrimitives.WriteUInt32LittleEndian(parameters.Slice(4), 1);
        Count(Run(t, ScmiHeader.Command(ScmiProtocolId.Clock, 0x9), parameters.Slice(0, 8), 0, false, values.Slice(0, 0), out _, out _));
        for (int i = 0; i < Commands; i++)
        {
            bool poll = (i & 4) != 0;
            switch (i % 4)
            {
                case 0:
                    ScmiTransportResult r = Run(t, ScmiHeader.Command(ScmiProtocolId.Base, 0), default, 4, poll, values.Slice(0, 4), out ScmiStatus status, out int length);
                    if (r == ScmiTransportResult.Ok && status == ScmiStatus.Success && (length != 4 || BinaryPrimitives.ReadUInt32LittleEndian(values) != 0x20000))
                        s_wrongData++;
                    Count(r);
                    break;
                case 1:
                    // CLOCK_RATE_SET, asynchronous: CLOCK_RATE_SET_COMPLETE follows on the eventq.
                    BinaryPrimitives.WriteUInt32LittleEndian(parameters, 1);
                    BinaryPrimitives.WriteUInt32LittleEndian(parameters.Slice(4), 1);
                    BinaryPrimitives.WriteUInt64LittleEndian(parameters.Slice(8), (ulong)(2 + i % 10) * 100_000_000);
                    Count(Run(t, ScmiHeader.Command(ScmiProtocolId.Clock, 0x5), parameters, 0, poll, values.Slice(0, 0), out _, out _));
                    break;
                case 2:
                    BinaryPrimitives.WriteUInt32LittleEndian(parameters, 1);
                    Count(Run(t, ScmiHeader.Command(ScmiProtocolId.Clock, 0x6), parameters.Slice(0, 4), 8, poll, values.Slice(0, 8), out _, out _));
                    break;
                default:
                    Count(Run(t, ScmiHeader.Command(ScmiProtocolId.Base, 3), default, 16, poll, values.Slice(0, 16), out _, out _));
                    break;
            }
            while (t.FetchNotification(out ScmiHeader header, values, out _) == ScmiTransportResult.Ok)
            {
                s_platformMessages++;
                if (header.Type != ScmiMessageType.DelayedResponse && header.Type != ScmiMessageType.Notification)
                    s_other++;
            }
            t.ProcessDeferred();
        }
    }

    private static ScmiTransportResult Run(ScmiVirtioTransport t, ScmiHeader header, ReadOnlySpan<byte> parameters, int expected, bool poll,
        Span<byte> values, out ScmiStatus status, out int length) =>
        ScmiExchange.Run(t, BoardScmiClock.Instance, header, parameters, expected, poll, values, out status, out length, TimeoutMicroseconds);

    private static void Count(ScmiTransportResult result)
    {
        if (result == ScmiTransportResult.Ok)
            s_ok++;
        else if (result == ScmiTransportResult.TimedOut)
            s_timedOut++;
        else if (result == ScmiTransportResult.Malformed)
            s_malformed++;
        else
            s_other++;
    }
}
