// A caller's claim on one message in flight: the transport's slot plus the token it was sent with.
namespace Scmi;

/// <summary>
/// Names a message a transport accepted. Carries the slot and the token, so a handle kept after its
/// release cannot reach the slot's next message (the transport checks both).
/// </summary>
public readonly struct ScmiMessageHandle
{
    /// <summary>Makes a handle for <paramref name="slot"/> sent with <paramref name="token"/>.</summary>
    public ScmiMessageHandle(int slot, int token)
    {
        Slot = slot + 1;
        Token = token;
    }

    private int Slot { get; }

    /// <summary>The transport's message index (0-based).</summary>
    public int Index => Slot - 1;

    /// <summary>The SCMI token stamped into the request header.</summary>
    public int Token { get; }

    /// <summary>False for the default value.</summary>
    public bool IsValid => Slot != 0;
}
