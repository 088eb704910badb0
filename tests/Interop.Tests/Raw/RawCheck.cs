// One raw-mode probe: a request, the status the spec demands, and what the return values must say.
using ScmiPlatform.Scmi;

namespace Interop.Tests.Raw;

/// <summary>
/// A named request with its expected status. <see cref="Reply"/> inspects the return values of a
/// successful reply and returns what is wrong with them, or null when they are right.
/// </summary>
public sealed record RawCheck(string Name, ScmiRequest Request, ScmiStatus Expected, string Rule)
{
    /// <summary>A second status the spec allows (an optional message may be absent: NOT_FOUND).</summary>
    public ScmiStatus? AlsoAccepted { get; init; }

    /// <summary>Checks the return values (the bytes after the status word) of a SUCCESS reply; null means right.</summary>
    public Func<ReplyReader, string?>? Reply { get; init; }

    /// <summary>Names ending so are sent through raw/message_async (guest/init), which also returns the delayed response.</summary>
    public const string AsyncSuffix = ".async";

    /// <summary>An asynchronous command: a delayed response must follow the reply.</summary>
    public bool Async => Name.EndsWith(AsyncSuffix, StringComparison.Ordinal);

    /// <summary>Names ending so make guest/init read one notification from raw/notification after the reply.</summary>
    public const string NotifySuffix = ".notify";

    /// <summary>A command after which the platform must send a notification.</summary>
    public bool ExpectsNotification => Name.EndsWith(NotifySuffix, StringComparison.Ordinal);

    /// <summary>The notification expected after the reply: its protocol's message id and a check of its payload.</summary>
    public (byte MessageId, Func<ReplyReader, string?> Payload)? Notification { get; init; }

    /// <summary>Checks the return values after the status word of the delayed response; null means right.</summary>
    public Func<ReplyReader, string?>? Delayed { get; init; }

    /// <summary>Whether <paramref name="status"/> is an answer this check accepts.</summary>
    public bool Accepts(ScmiStatus status) => status == Expected || status == AlsoAccepted;

    public override string ToString() => Name;
}
