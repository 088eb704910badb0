// One notification as a handler sees it: which protocol and event, the agent-visible header, and its payload.
using System;

namespace Scmi;

/// <summary>A platform-to-agent notification (SCMI DEN0056E §4.1.2, message type 3), valid only during the handler call.</summary>
public readonly ref struct ScmiNotification
{
    /// <summary>Wraps a fetched notification.</summary>
    public ScmiNotification(ScmiHeader header, ReadOnlySpan<byte> payload)
    {
        Header = header;
        Payload = payload;
    }

    /// <summary>The header as received.</summary>
    public ScmiHeader Header { get; }

    /// <summary>The protocol that raised it.</summary>
    public ScmiProtocolId Protocol => (ScmiProtocolId)Header.ProtocolId;

    /// <summary>The event (the header's message id).</summary>
    public byte EventId => Header.MessageId;

    /// <summary>The payload after the header (the agent id first for every standard event).</summary>
    public ReadOnlySpan<byte> Payload { get; }
}
