// The common part of every SCMI protocol: PROTOCOL_VERSION, PROTOCOL_ATTRIBUTES, PROTOCOL_MESSAGE_ATTRIBUTES, notify plumbing.
using System.Runtime.CompilerServices;
using ScmiPlatform.Scmi;

namespace ScmiPlatform.Protocols;

/// <summary>
/// One SCMI protocol of the platform. Subclasses implement their own messages; the three messages every
/// protocol shares (DEN0056 §4.1.5 "Protocol discovery") and unknown message ids are answered here.
/// Handlers run under the model's lock, so protocol state needs no locking of its own.
/// </summary>
public abstract class ScmiProtocol
{
    /// <summary>PROTOCOL_VERSION, common to all protocols.</summary>
    public const byte ProtocolVersionMessage = 0x0;
    /// <summary>PROTOCOL_ATTRIBUTES, common to all protocols.</summary>
    public const byte ProtocolAttributesMessage = 0x1;
    /// <summary>PROTOCOL_MESSAGE_ATTRIBUTES, common to all protocols.</summary>
    public const byte ProtocolMessageAttributesMessage = 0x2;

    /// <summary>Creates the protocol bound to the platform's shared services.</summary>
    protected ScmiProtocol(PlatformServices services) => Services = services;

    /// <summary>The shared outbox, scheduler and agent identity.</summary>
    protected PlatformServices Services { get; }

    /// <summary>What the agent enabled.</summary>
    protected NotificationSubscriptions Subscriptions { get; } = new();

    /// <summary>The protocol identifier this handler answers for.</summary>
    public abstract ScmiProtocolId Id { get; }

    /// <summary>The version this implementation speaks: major in bits 31:16, minor in 15:0.</summary>
    public abstract uint Version { get; }

    /// <summary>Version reported by PROTOCOL_VERSION: the description's override (its "versions" field), else <see cref="Version"/>.</summary>
    public uint ReportedVersion { get; set; }

    /// <summary>The version agreed through BASE_NEGOTIATE_PROTOCOL_VERSION, 0 when none was.</summary>
    public uint NegotiatedVersion { get; set; }

    /// <summary>Short protocol name for traces and fault selectors (CLOCK, SENSOR...).</summary>
    public string Name => MessageNames.ProtocolName((byte)Id);

    /// <summary>The spec name of a command of this protocol.</summary>
    public abstract string MessageName(byte messageId);

    /// <summary>The spec name of a notification of this protocol.</summary>
    public abstract string NotificationName(byte notificationId);

    /// <summary>True for message ids this platform implements (PROTOCOL_MESSAGE_ATTRIBUTES answers NOT_FOUND otherwise).</summary>
    public abstract bool Implements(byte messageId);

    /// <summary>
    /// Answers one command. <paramref name="parameters"/> covers the bytes after the header and
    /// <paramref name="reply"/> the bytes after the status word.
    /// </summary>
    public ScmiStatus Handle(CommandContext context, ref ParameterReader parameters, ref ReplyWriter reply)
    {
        byte messageId = context.Header.MessageId;
        switch (messageId)
        {
            case ProtocolVersionMessage:
                // DEN0056 §4.1.5: PROTOCOL_VERSION takes no parameters and returns the version word.
                if (!parameters.IsExactly(0)) return ScmiStatus.ProtocolError;
                reply.U32("version", ReportedVersion != 0 ? ReportedVersion : Version, hex: true);
                return ScmiStatus.Success;
            case ProtocolAttributesMessage:
                if (!parameters.IsExactly(0)) return ScmiStatus.ProtocolError;
                WriteProtocolAttributes(context, ref reply);
                return ScmiStatus.Success;
            case ProtocolMessageAttributesMessage:
            {
                if (!parameters.IsExactly(4)) return ScmiStatus.ProtocolError;
                uint asked = parameters.U32("message_id", hex: true);
                // DEN0056 §4.1.5 PROTOCOL_MESSAGE_ATTRIBUTES: NOT_FOUND if the message is not implemented.
                if (asked > byte.MaxValue || !Implements((byte)asked)) return ScmiStatus.NotFound;
                reply.U32("attributes", MessageAttributes(context, (byte)asked), hex: true);
                return ScmiStatus.Success;
            }
            default:
                if (!Implements(messageId)) return ScmiStatus.NotFound;
                return HandleMessage(context, ref parameters, ref reply);
        }
    }

    /// <summary>Writes the PROTOCOL_ATTRIBUTES return values.</summary>
    protected abstract void WriteProtocolAttributes(CommandContext context, ref ReplyWriter reply);

    /// <summary>The PROTOCOL_MESSAGE_ATTRIBUTES word for an implemented message (0 unless a protocol defines flags).</summary>
    protected virtual uint MessageAttributes(CommandContext context, byte messageId) => 0;

    /// <summary>Answers a protocol-specific message (id 3 and up) that <see cref="Implements"/> accepted.</summary>
    protected abstract ScmiStatus HandleMessage(CommandContext context, ref ParameterReader parameters, ref ReplyWriter reply);

    /// <summary>The current state of every enabled subscription as notifications, used by the flood fault.</summary>
    public virtual IEnumerable<PlatformMessage> CurrentStateNotifications() => Array.Empty<PlatformMessage>();

    /// <summary>
    /// Enables or disables a notification after the checks every *_NOTIFY message shares: reserved bits
    /// of notify_enable must be zero, and notifications need the eventq.
    /// </summary>
    protected ScmiStatus ChangeSubscription(CommandContext context, byte notificationId, uint resourceId, uint notifyEnable)
    {
        if ((notifyEnable & ~1u) != 0) return ScmiStatus.InvalidParameters;
        // virtio 1.3 §5.17.6.1: without VIRTIO_SCMI_F_P2A_CHANNELS the device answers NOT_SUPPORTED to notification requests.
        if (!context.EventsAvailable) return ScmiStatus.NotSupported;
        Subscriptions.Set(notificationId, resourceId, (notifyEnable & 1) != 0);
        return ScmiStatus.Success;
    }

    /// <summary>
    /// Turns a resource id (domain, clock, sensor...) into a list index. False when <paramref name="id"/>
    /// is not below <paramref name="count"/>: the handler then answers NOT_FOUND.
    /// </summary>
    protected static bool TryIndex(uint id, int count, out int index)
    {
        index = (int)Math.Min(id, int.MaxValue);
        return id < (uint)count;
    }

    /// <summary>
    /// The opening of a command whose parameters are <paramref name="length"/> bytes and start with a
    /// resource id named <paramref name="idName"/>: PROTOCOL_ERROR for any other length, NOT_FOUND when the
    /// id is not below <paramref name="count"/>. Null when <paramref name="index"/> names a resource and the
    /// handler reads the rest of its parameters.
    /// </summary>
    protected static ScmiStatus? ReadIndex(ref ParameterReader parameters, int length, string idName, int count, out int index)
    {
        index = 0;
        if (!parameters.IsExactly(length)) return ScmiStatus.ProtocolError;
        return TryIndex(parameters.U32(idName), count, out index) ? null : ScmiStatus.NotFound;
    }

    /// <summary>
    /// Answers a *_NAME_GET command: a resource id named <paramref name="idName"/> in, flags (0) and the
    /// extended name out. NOT_FOUND for an unknown id, NOT_SUPPORTED when the name fits the short field.
    /// </summary>
    protected static ScmiStatus ExtendedNameGet<T>(ref ParameterReader parameters, ref ReplyWriter reply, string idName, IReadOnlyList<T> items, Func<T, string> nameOf)
    {
        if (ReadIndex(ref parameters, 4, idName, items.Count, out int index) is { } error) return error;
        string name = nameOf(items[index]);
        if (name.Length < ReplyWriter.ShortNameSize) return ScmiStatus.NotSupported;
        reply.U32("flags", 0);
        reply.Name("name", name, ReplyWriter.ExtendedNameSize);
        return ScmiStatus.Success;
    }

    /// <summary>Starts a notification message of this protocol.</summary>
    protected PlatformMessageBuilder NotificationBuilder(byte notificationId) =>
        new(ScmiHeader.Notification(Id, notificationId), NotificationName(notificationId));

    /// <summary>
    /// Sends a notification when the agent enabled it for <paramref name="resourceId"/>: after the reply
    /// when a command caused it, at once when the platform did.
    /// </summary>
    protected void Notify(CommandContext? cause, byte notificationId, uint resourceId, Func<PlatformMessageBuilder, PlatformMessageBuilder> fill)
    {
        if (!Subscriptions.IsEnabled(notificationId, resourceId)) return;
        var message = fill(NotificationBuilder(notificationId)).Build();
        if (cause is not null) cause.SendAfterReply(message);
        else Services.Outbox.SendNotification(message);
    }
}

/// <summary>A protocol whose command and notification ids are enums with the spec's values.</summary>
public abstract class ScmiProtocol<TMessage, TNotification> : ScmiProtocol
    where TMessage : struct, Enum
    where TNotification : struct, Enum
{
    /// <summary>Creates the protocol.</summary>
    protected ScmiProtocol(PlatformServices services) : base(services) { }

    /// <inheritdoc/>
    public override string MessageName(byte messageId) => MessageNames.Of<TMessage>(messageId);

    /// <inheritdoc/>
    public override string NotificationName(byte notificationId) => MessageNames.Of<TNotification>(notificationId);

    // Which of the 256 message ids TMessage defines, looked up once per protocol type: Enum.IsDefined boxes and
    // reflects on every call, and this runs for every command.
    private static readonly bool[] ImplementedIds = DefinedIds();

    /// <inheritdoc/>
    public override bool Implements(byte messageId) => ImplementedIds[messageId];

    /// <summary>The message id as the protocol's enum (every message enum is a byte enum: no boxing, no reflection).</summary>
    protected static TMessage MessageOf(CommandContext context)
    {
        byte id = context.Header.MessageId;
        return Unsafe.As<byte, TMessage>(ref id);
    }

    private static bool[] DefinedIds()
    {
        if (Enum.GetUnderlyingType(typeof(TMessage)) != typeof(byte))
            throw new InvalidOperationException($"{typeof(TMessage).Name} must be a byte enum: SCMI message ids are 8 bits");
        var defined = new bool[byte.MaxValue + 1];
        foreach (TMessage message in Enum.GetValues<TMessage>())
        {
            TMessage value = message;
            defined[Unsafe.As<TMessage, byte>(ref value)] = true;
        }
        return defined;
    }
}
