// SCMI Base protocol 0x10 (Arm DEN0056 v3.2 §4.2): discovery of vendor, protocols and agents, error notifications.
using ScmiPlatform.Description;
using ScmiPlatform.Scmi;

namespace ScmiPlatform.Protocols;

/// <summary>Base protocol message ids (DEN0056 §4.2.2).</summary>
public enum BaseMessage : byte
{
    ProtocolVersion = 0x0,
    ProtocolAttributes = 0x1,
    ProtocolMessageAttributes = 0x2,
    DiscoverVendor = 0x3,
    DiscoverSubVendor = 0x4,
    DiscoverImplementationVersion = 0x5,
    DiscoverListProtocols = 0x6,
    DiscoverAgent = 0x7,
    NotifyErrors = 0x8,
    NegotiateProtocolVersion = 0x10,
}

/// <summary>Base protocol notification ids (DEN0056 §4.2.3).</summary>
public enum BaseNotification : byte
{
    BaseErrorEvent = 0x0,
}

/// <summary>The Base protocol of the platform.</summary>
public sealed class BaseProtocol : ScmiProtocol<BaseMessage, BaseNotification>
{
    /// <summary>DEN0056 §4.2.2.1: Base protocol version 2.0.</summary>
    public const uint ProtocolVersion = 0x2_0000;
    /// <summary>DEN0056 §4.2.2.9: agent id 0xFFFFFFFF asks about the calling agent.</summary>
    public const uint CallingAgent = 0xFFFF_FFFF;
    /// <summary>The name DISCOVER_AGENT gives agent 0.</summary>
    public const string PlatformAgentName = "platform";
    /// <summary>Error reports carried by one BASE_ERROR_EVENT (bits 9:0 of error_status count them).</summary>
    public const int MaximumErrorReports = 8;
    /// <summary>Resource id used for the error subscription (it is not per resource).</summary>
    private const uint AllErrors = 0;

    private readonly PlatformDescription _description;
    private readonly IReadOnlyList<byte> _protocols;

    /// <summary>Creates the Base protocol listing <paramref name="implementedProtocols"/> (Base itself excluded).</summary>
    public BaseProtocol(PlatformServices services, PlatformDescription description, IEnumerable<ScmiProtocolId> implementedProtocols)
        : base(services)
    {
        _description = description;
        _protocols = implementedProtocols.Where(p => p != ScmiProtocolId.Base).Select(p => (byte)p).OrderBy(p => p).ToArray();
    }

    /// <inheritdoc/>
    public override ScmiProtocolId Id => ScmiProtocolId.Base;

    /// <inheritdoc/>
    public override uint Version => ProtocolVersion;

    /// <summary>Every protocol of the platform by id (Base included), for BASE_NEGOTIATE_PROTOCOL_VERSION.</summary>
    public IReadOnlyDictionary<byte, ScmiProtocol> Peers { get; set; } = new Dictionary<byte, ScmiProtocol>();

    /// <summary>The protocol ids DISCOVER_LIST_PROTOCOLS reports, ascending.</summary>
    public IReadOnlyList<byte> ListedProtocols => _protocols;

    /// <inheritdoc/>
    protected override void WriteProtocolAttributes(CommandContext context, ref ReplyWriter reply)
    {
        // DEN0056 §4.2.2.2: bits 15:8 number of agents, bits 7:0 number of protocols other than Base.
        reply.U32("attributes", (uint)_description.Agents.Count << 8 | (uint)_protocols.Count, hex: true);
    }

    /// <inheritdoc/>
    protected override ScmiStatus HandleMessage(CommandContext context, ref ParameterReader parameters, ref ReplyWriter reply)
    {
        switch (MessageOf(context))
        {
            case BaseMessage.DiscoverVendor:
                if (!parameters.IsExactly(0)) return ScmiStatus.ProtocolError;
                reply.Name("vendor_identifier", _description.Vendor, ReplyWriter.ShortNameSize);
                return ScmiStatus.Success;
            case BaseMessage.DiscoverSubVendor:
                if (!parameters.IsExactly(0)) return ScmiStatus.ProtocolError;
                reply.Name("vendor_identifier", _description.SubVendor, ReplyWriter.ShortNameSize);
                return ScmiStatus.Success;
            case BaseMessage.DiscoverImplementationVersion:
                if (!parameters.IsExactly(0)) return ScmiStatus.ProtocolError;
                reply.U32("implementation_version", _description.ImplementationVersion, hex: true);
                return ScmiStatus.Success;
            case BaseMessage.DiscoverListProtocols:
                return DiscoverListProtocols(ref parameters, ref reply);
            case BaseMessage.DiscoverAgent:
                return DiscoverAgent(context, ref parameters, ref reply);
            case BaseMessage.NotifyErrors:
                if (!parameters.IsExactly(4)) return ScmiStatus.ProtocolError;
                return ChangeSubscription(context, (byte)BaseNotification.BaseErrorEvent, AllErrors, parameters.U32("notify_enable", hex: true));
            case BaseMessage.NegotiateProtocolVersion:
                return NegotiateProtocolVersion(ref parameters);
            default:
                return ScmiStatus.NotFound;
        }
    }

    private ScmiStatus DiscoverListProtocols(ref ParameterReader parameters, ref ReplyWriter reply)
    {
        if (!parameters.IsExactly(4)) return ScmiStatus.ProtocolError;
        uint skip = parameters.U32("skip");
        // DEN0056 §4.2.2.7 DISCOVER_LIST_PROTOCOLS: INVALID_PARAMETERS if skip exceeds the number of protocols.
        if (skip > _protocols.Count) return ScmiStatus.InvalidParameters;
        int left = _protocols.Count - (int)skip;
        // Four protocol ids are packed per u32 word; return as many words as the agent's reply area holds.
        int returned = Math.Min(left, reply.EntriesThatFit(4, 4) * 4);
        if (returned == 0 && left > 0) { reply.MarkTooSmall(); return ScmiStatus.Success; }
        reply.U32("num_protocols", (uint)returned);
        for (int word = 0; word < (returned + 3) / 4; word++)
        {
            uint packed = 0;
            for (int lane = 0; lane < 4; lane++)
            {
                int index = (int)skip + word * 4 + lane;
                if (word * 4 + lane < returned) packed |= (uint)_protocols[index] << (8 * lane);
            }
            reply.U32("protocols", packed, hex: true);
        }
        return ScmiStatus.Success;
    }

    /// <summary>
    /// DEN0056E §4.2.2.11 BASE_NEGOTIATE_PROTOCOL_VERSION: the agent asks to use an older version than the
    /// one reported. This platform speaks every version from the previous major's 0 up to the one it
    /// reports: SUCCESS (and remembered) inside that span, NOT_SUPPORTED outside, NOT_FOUND for a protocol it lacks.
    /// </summary>
    private ScmiStatus NegotiateProtocolVersion(ref ParameterReader parameters)
    {
        if (!parameters.IsExactly(8)) return ScmiStatus.ProtocolError;
        uint protocolId = parameters.U32("protocol_id", hex: true);
        uint version = parameters.U32("version", hex: true);
        if (protocolId > byte.MaxValue || !Peers.TryGetValue((byte)protocolId, out ScmiProtocol? protocol)) return ScmiStatus.NotFound;
        uint reported = protocol.ReportedVersion != 0 ? protocol.ReportedVersion : protocol.Version;
        uint oldestMajor = reported >> 16 == 0 ? 0 : (reported >> 16) - 1;
        if (version > reported || version >> 16 < oldestMajor) return ScmiStatus.NotSupported;
        protocol.NegotiatedVersion = version;
        return ScmiStatus.Success;
    }

    private ScmiStatus DiscoverAgent(CommandContext context, ref ParameterReader parameters, ref ReplyWriter reply)
    {
        if (!parameters.IsExactly(4)) return ScmiStatus.ProtocolError;
        uint agent = parameters.U32("agent_id", hex: true);
        if (agent == CallingAgent) agent = context.AgentId;
        string name;
        if (agent == PlatformServices.PlatformAgentId) name = PlatformAgentName;
        else if (agent <= _description.Agents.Count) name = _description.Agents[(int)agent - 1].Name;
        else return ScmiStatus.NotFound; // DEN0056 §4.2.2.9: NOT_FOUND for an agent id that does not exist.
        reply.U32("agent_id", agent);
        reply.Name("name", name, ReplyWriter.ShortNameSize);
        return ScmiStatus.Success;
    }

    /// <summary>
    /// Reports commands the platform could not process (DEN0056 §4.2.3.1 BASE_ERROR_EVENT) when the agent
    /// enabled error notifications; <paramref name="timestamps"/> are platform times of the failed commands.
    /// </summary>
    public void ReportErrors(IReadOnlyList<TimeSpan> timestamps)
    {
        if (timestamps.Count == 0) return;
        Notify(null, (byte)BaseNotification.BaseErrorEvent, AllErrors, message =>
        {
            int kept = Math.Min(timestamps.Count, MaximumErrorReports);
            // error_status bits 9:0 count the reports; bit 31 says more errors happened than were reported.
            uint status = (uint)kept | (timestamps.Count > kept ? 1u << 31 : 0);
            message.U32("agent_id", Services.CallerAgentId).U32("error_status", status, hex: true);
            for (int i = 0; i < kept; i++) message.U64("msg_report", (ulong)(timestamps[i].Ticks * 100));
            return message;
        });
    }
}
