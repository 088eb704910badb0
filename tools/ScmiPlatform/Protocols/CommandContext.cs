// What a protocol handler knows about the command it is answering, and what it leaves for after the reply.
using ScmiPlatform.Scmi;

namespace ScmiPlatform.Protocols;

/// <summary>
/// One command in progress. Delayed responses and notifications a handler produces are held here and
/// sent only once the synchronous reply has been returned to the agent, so they always follow it.
/// </summary>
public sealed class CommandContext
{
    private readonly List<PlatformMessage> _afterReply = new();

    /// <summary>Creates the context of one command.</summary>
    public CommandContext(ScmiHeader header, uint agentId, bool eventsAvailable, TimeSpan now, bool delayedResponseRoom = true)
    {
        Header = header;
        AgentId = agentId;
        EventsAvailable = eventsAvailable;
        Now = now;
        _delayedResponseRoom = delayedResponseRoom;
    }

    private bool _delayedResponseRoom;

    /// <summary>
    /// Makes this context the one of the next command (the model keeps one context for the commands it
    /// completes at once, so answering a command allocates nothing). Nothing of the previous command stays.
    /// </summary>
    internal void Reuse(ScmiHeader header, uint agentId, bool eventsAvailable, TimeSpan now, bool delayedResponseRoom)
    {
        Header = header;
        AgentId = agentId;
        EventsAvailable = eventsAvailable;
        Now = now;
        _delayedResponseRoom = delayedResponseRoom;
        RefusedForBacklog = false;
        _afterReply.Clear();
    }

    /// <summary>The command's header as received.</summary>
    public ScmiHeader Header { get; private set; }

    /// <summary>The agent that sent the command.</summary>
    public uint AgentId { get; private set; }

    /// <summary>True when P2A_CHANNELS was negotiated and the eventq runs: delayed responses and notifications may be used.</summary>
    public bool EventsAvailable { get; private set; }

    /// <summary>Set when <see cref="MayQueueDelayedResponse"/> refused for a full backlog (the model counts these BUSY replies).</summary>
    public bool RefusedForBacklog { get; private set; }

    /// <summary>
    /// Whether this command may ask for a delayed response. Without the eventq the answer is NOT_SUPPORTED
    /// (virtio 1.3 §5.17.6.1); with too many delayed responses already waiting for eventq buffers it is BUSY
    /// (SCMI DEN0056E §4.1.4: "BUSY -6: the platform is busy") so the guest cannot grow the backlog without bound.
    /// </summary>
    public bool MayQueueDelayedResponse(out ScmiStatus refusal)
    {
        refusal = !EventsAvailable ? ScmiStatus.NotSupported : !_delayedResponseRoom ? ScmiStatus.Busy : ScmiStatus.Success;
        RefusedForBacklog = refusal == ScmiStatus.Busy;
        return refusal == ScmiStatus.Success;
    }

    /// <summary>Platform time when the command arrived.</summary>
    public TimeSpan Now { get; private set; }

    /// <summary>Extra decoded values a handler wants in the trace (e.g. a state change it caused).</summary>
    public TraceFields? Notes { get; init; }

    /// <summary>Messages to put on the eventq once the reply went back, in order.</summary>
    public IReadOnlyList<PlatformMessage> AfterReply => _afterReply;

    /// <summary>
    /// Starts the delayed response to this command: same token, protocol and message id, type 2, then the
    /// status word like any response (DEN0056 §4.1.2), here SUCCESS, then the return values the caller appends.
    /// </summary>
    public PlatformMessageBuilder DelayedResponse(string name) => new PlatformMessageBuilder(Header.AsDelayedResponse(), name).Status(ScmiStatus.Success);

    /// <summary>Sends <paramref name="message"/> after the synchronous reply.</summary>
    public void SendAfterReply(PlatformMessage message) => _afterReply.Add(message);

    /// <summary>Forgets queued messages (the command failed after all).</summary>
    public void DiscardAfterReply() => _afterReply.Clear();
}
