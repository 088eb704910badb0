// The one result every agent call returns: transport outcome, SCMI status and agent error in one value.
namespace Scmi;

/// <summary>
/// Errors as values: a call succeeded only when the transport delivered a reply, the platform said
/// SUCCESS and the agent found the reply usable. <c>default</c> is success.
/// </summary>
public readonly struct ScmiResult
{
    /// <summary>Makes a result from its three parts.</summary>
    public ScmiResult(ScmiTransportResult transport, ScmiStatus status, ScmiAgentError agent)
    {
        Transport = transport;
        Status = status;
        Agent = agent;
    }

    /// <summary>What the transport made of the exchange.</summary>
    public ScmiTransportResult Transport { get; }

    /// <summary>The platform's status word (<see cref="ScmiStatus.Success"/> when no reply was had).</summary>
    public ScmiStatus Status { get; }

    /// <summary>What the agent found wrong.</summary>
    public ScmiAgentError Agent { get; }

    /// <summary>True when all three parts say success.</summary>
    public bool IsSuccess => Transport == ScmiTransportResult.Ok && Status == ScmiStatus.Success && Agent == ScmiAgentError.None;

    /// <summary>True when a non-blocking call's answer is not in yet (<see cref="ScmiTransportResult.Pending"/>): ask again.</summary>
    public bool IsPending => Transport == ScmiTransportResult.Pending;

    /// <summary>A transport failure.</summary>
    public static ScmiResult FromTransport(ScmiTransportResult transport) => new ScmiResult(transport, ScmiStatus.Success, ScmiAgentError.None);

    /// <summary>A platform status (the exchange itself worked).</summary>
    public static ScmiResult FromStatus(ScmiStatus status) => new ScmiResult(ScmiTransportResult.Ok, status, ScmiAgentError.None);

    /// <summary>An agent error.</summary>
    public static ScmiResult FromAgent(ScmiAgentError agent) => new ScmiResult(ScmiTransportResult.Ok, ScmiStatus.Success, agent);
}
