// The soak's commands: command number n decides what is asked, so each reply can be checked against its own command.
using System;
using System.Buffers.Binary;
using Nano.TestFramework;
using Scmi;
using Scmi.Protocols;
using Scmi.Transport.Tests;
using Scmi.Virtio;

namespace Scmi.Smp.Tests;

/// <summary>
/// One command in four is BASE PROTOCOL_VERSION (answer 0x20000), the others CLOCK_RATE_GET of clock
/// (n / 4) % clocks, checked against the rate read once at bring-up. A reply that belonged to another command
/// (a buffer reused while the device still wrote into it) carries another token or another value.
/// </summary>
internal static class CommandMix
{
    public const int RateBytes = 8;
    public const int VersionBytes = 4;
    private const uint BaseProtocolVersion = 0x20000;
    private const byte ProtocolAttributes = 0x1;
    private const int MaxClocks = 64;

    private static ulong[] s_rates = null!;
    private static int s_clocks;

    /// <summary>Before the seal: the table of rates.</summary>
    public static void Allocate() => s_rates ??= new ulong[MaxClocks];

    /// <summary>Clocks the platform reported, and each one's rate (CLOCK_RATE_GET, polled, before the soak).</summary>
    public static void ReadRates(ScmiVirtioTransport transport)
    {
        Span<byte> values = stackalloc byte[RateBytes];
        Span<byte> parameters = stackalloc byte[4];
        // SCMI (DEN0056E) §4.6.2.3: PROTOCOL_ATTRIBUTES, bits [15:0] the number of clocks.
        Channel.AssertOk(ScmiExchange.Run(transport, BoardScmiClock.Instance, ScmiHeader.Command(ScmiProtocolId.Clock, ProtocolAttributes),
            default, 4, poll: true, values.Slice(0, 4), out ScmiStatus status, out _), "clock protocol attributes");
        Assert.AreEqual((int)ScmiStatus.Success, (int)status, "clock protocol attributes status");
        s_clocks = Math.Min(BinaryPrimitives.ReadInt32LittleEndian(values) & 0xFFFF, MaxClocks);
        Assert.IsTrue(s_clocks > 0, "the platform has clocks");
        for (int clock = 0; clock < s_clocks; clock++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(parameters, (uint)clock);
            Channel.AssertOk(ScmiExchange.Run(transport, BoardScmiClock.Instance, ScmiHeader.Command(ScmiProtocolId.Clock, ClockMessages.RateGet),
                parameters, RateBytes, poll: true, values, out status, out int length), "clock rate get");
            Assert.AreEqual((int)ScmiStatus.Success, (int)status, "clock rate get status");
            Assert.AreEqual(RateBytes, length, "clock rate get return bytes");
            s_rates[clock] = BinaryPrimitives.ReadUInt64LittleEndian(values);
        }
    }

    public static bool IsVersion(int command) => command % 4 == 0;

    private static int ClockOf(int command) => command / 4 % s_clocks;

    /// <summary>Header and parameters of command <paramref name="command"/>; the return bytes it expects.</summary>
    public static int Describe(int command, Span<byte> parameters, out ScmiHeader header, out int parameterBytes)
    {
        if (IsVersion(command))
        {
            header = ScmiHeader.Command(ScmiProtocolId.Base, 0);
            parameterBytes = 0;
            return VersionBytes;
        }
        header = ScmiHeader.Command(ScmiProtocolId.Clock, ClockMessages.RateGet);
        // SCMI (DEN0056E) §4.6.2.7: CLOCK_RATE_GET takes the clock id, returns the rate as two 32-bit words (low first).
        BinaryPrimitives.WriteUInt32LittleEndian(parameters, (uint)ClockOf(command));
        parameterBytes = 4;
        return RateBytes;
    }

    /// <summary>True when <paramref name="values"/> is the answer command <paramref name="command"/> must get.</summary>
    public static bool Matches(int command, ReadOnlySpan<byte> values)
    {
        if (IsVersion(command))
            return values.Length == VersionBytes && BinaryPrimitives.ReadUInt32LittleEndian(values) == BaseProtocolVersion;
        return values.Length == RateBytes && BinaryPrimitives.ReadUInt64LittleEndian(values) == s_rates[ClockOf(command)];
    }
}
