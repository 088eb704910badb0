// Base protocol message and event ids (SCMI DEN0056E §4.2.2, §4.2.3); the agent's own copy of the spec's values.
namespace Scmi.Protocols;

/// <summary>Message ids of the Base protocol (0x10).</summary>
public static class BaseMessages
{
    /// <summary>BASE_DISCOVER_VENDOR.</summary>
    public const byte DiscoverVendor = 0x3;
    /// <summary>BASE_DISCOVER_SUB_VENDOR.</summary>
    public const byte DiscoverSubVendor = 0x4;
    /// <summary>BASE_DISCOVER_IMPLEMENTATION_VERSION.</summary>
    public const byte DiscoverImplementationVersion = 0x5;
    /// <summary>BASE_DISCOVER_LIST_PROTOCOLS.</summary>
    public const byte DiscoverListProtocols = 0x6;
    /// <summary>BASE_DISCOVER_AGENT.</summary>
    public const byte DiscoverAgent = 0x7;
    /// <summary>BASE_NOTIFY_ERRORS.</summary>
    public const byte NotifyErrors = 0x8;
    /// <summary>BASE_NEGOTIATE_PROTOCOL_VERSION (sent by the agent core's version negotiation).</summary>
    public const byte NegotiateProtocolVersion = 0x10;

    /// <summary>Event BASE_ERROR_EVENT.</summary>
    public const byte ErrorEvent = 0x0;
}
