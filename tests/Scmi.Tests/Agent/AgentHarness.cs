// The agent on the loopback (real transport, real platform model or hostile device), and the few messages the agent tests send.
using System.Buffers.Binary;
using Scmi.Tests.Doubles;
using Scmi.Virtio;

namespace Scmi.Tests.Agent;

/// <summary>Builds an agent over a <see cref="Loopback"/> and encodes the clock messages used to drive asynchronous and notification flows.</summary>
internal static class AgentHarness
{
    public const byte ClockAttributes = 0x3;
    public const byte ClockRateSet = 0x5;
    public const byte ClockRateGet = 0x6;
    public const byte ClockRateNotify = 0x9;
    public const byte ClockRateChangeRequestedNotify = 0xA;
    public const byte ClockRateChanged = 0x0;
    public const byte ClockRateChangeRequested = 0x1;
    public const uint AsyncFlag = 1;

    public static (Loopback Loop, ScmiAgent Agent) Real(IEnumerable<string>? faults = null, InterruptDelivery delivery = InterruptDelivery.Deferred,
        ScmiVirtioOptions? options = null, ulong features = Loopback.DefaultFeatures, ScmiPlatform.Description.PlatformDescription? description = null)
    {
        var loop = new Loopback(faults, delivery: delivery, options: options, offeredFeatures: features, description: description);
        return (loop, new ScmiAgent(loop.Channel, loop.Clock));
    }

    public static (Loopback Loop, ScmiAgent Agent) Hostile(ScmiVirtioOptions? options = null)
    {
        var loop = new Loopback(backendFactory: m => new HostileDevice(m),
            options: options ?? new ScmiVirtioOptions { SyncTimeoutMicroseconds = 30_000, DelayedTimeoutMicroseconds = 50_000 });
        return (loop, new ScmiAgent(loop.Channel, loop.Clock));
    }

    public static byte[] RateSet(uint flags, uint clock, ulong rate)
    {
        var p = new byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(p, flags);
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(4), clock);
        BinaryPrimitives.WriteUInt64LittleEndian(p.AsSpan(8), rate);
        return p;
    }

    public static byte[] Words(params uint[] words)
    {
        var p = new byte[4 * words.Length];
        for (int i = 0; i < words.Length; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(4 * i), words[i]);
        return p;
    }

    /// <summary>Posts a platform message (header + body) on one of the eventq buffers the driver exposed.</summary>
    public static void PostPlatformMessage(Loopback loop, uint header, ReadOnlySpan<byte> body)
    {
        HostileDevice device = loop.Hostile;
        List<TakenChain> buffers = EventBuffers.GetValue(device, d => new List<TakenChain>());
        if (buffers.Count == 0)
            buffers.AddRange(device.Take(1));
        TakenChain chain = buffers[0];
        buffers.RemoveAt(0);
        var message = new byte[4 + body.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(message, header);
        body.CopyTo(message.AsSpan(4));
        device.Reply(chain, message, (uint)message.Length, queue: 1);
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HostileDevice, List<TakenChain>> EventBuffers = new();

    /// <summary>The delayed-response header of a command header (type 2).</summary>
    public static uint DelayedHeader(ScmiProtocolId protocol, byte messageId, int token)
    {
        ScmiHeader.Create((byte)protocol, messageId, ScmiMessageType.DelayedResponse, token, out ScmiHeader header);
        return header.Value;
    }

    /// <summary>A handler that keeps what it saw.</summary>
    public sealed class RecordingHandler : ScmiNotificationHandler
    {
        public List<(ScmiProtocolId Protocol, byte Event, byte[] Payload)> Seen { get; } = new();

        public override void OnNotification(in ScmiNotification notification) =>
            Seen.Add((notification.Protocol, notification.EventId, notification.Payload.ToArray()));
    }
}
