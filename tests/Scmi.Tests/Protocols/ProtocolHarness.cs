// The agent and a discovered protocol client on the loopback, with an optional small message size to force paging.
using System.Text;
using Scmi.Tests.Doubles;
using Scmi.Virtio;

namespace Scmi.Tests.Protocols;

/// <summary>Builds an agent over the real transport and platform model; helpers for names and handlers.</summary>
internal static class ProtocolHarness
{
    public static (Loopback Loop, ScmiAgent Agent) Agent(int maxPayloadBytes = 128, ulong features = Loopback.DefaultFeatures,
        IEnumerable<string>? faults = null)
    {
        var loop = new Loopback(faults, options: new ScmiVirtioOptions
        {
            SyncTimeoutMicroseconds = 30_000,
            DelayedTimeoutMicroseconds = 50_000,
            MaxPayloadBytes = maxPayloadBytes,
        }, offeredFeatures: features);
        return (loop, new ScmiAgent(loop.Channel, loop.Clock));
    }

    public static string Text(ReadOnlySpan<byte> name) => Encoding.ASCII.GetString(name);

    /// <summary>A handler that keeps the payloads it saw.</summary>
    public sealed class Recorder : ScmiNotificationHandler
    {
        public List<(ScmiProtocolId Protocol, byte Event, byte[] Payload)> Seen { get; } = new();

        public override void OnNotification(in ScmiNotification notification) =>
            Seen.Add((notification.Protocol, notification.EventId, notification.Payload.ToArray()));
    }
}
