// A notification handler for the client tests that keeps every payload it was given.
namespace Scmi.Tests.Protocols;

/// <summary>Keeps (protocol, event, payload) of each notification dispatched to it.</summary>
internal sealed class NotificationRecorder : ScmiNotificationHandler
{
    public List<(ScmiProtocolId Protocol, byte Event, byte[] Payload)> Seen { get; } = new();

    public override void OnNotification(in ScmiNotification notification) =>
        Seen.Add((notification.Protocol, notification.EventId, notification.Payload.ToArray()));
}
