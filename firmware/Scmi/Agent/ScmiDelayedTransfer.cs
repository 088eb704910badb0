// A caller's claim on one asynchronous command whose delayed response is awaited (from BeginDelayed to TryCompleteDelayed).
namespace Scmi;

/// <summary>
/// Names one transfer of the agent's pool and the token it was sent with, so a handle kept after its
/// completion cannot reach the transfer's next command. <c>default</c> names nothing.
/// </summary>
public readonly struct ScmiDelayedTransfer
{
    /// <summary>Makes a handle for pool entry <paramref name="index"/> sent with <paramref name="token"/>.</summary>
    public ScmiDelayedTransfer(int index, int token)
    {
        Slot = index + 1;
        Token = token;
    }

    private int Slot { get; }

    /// <summary>The pool entry (0-based).</summary>
    public int Index => Slot - 1;

    /// <summary>The token of the command (and of its delayed response).</summary>
    public int Token { get; }

    /// <summary>False for the default value.</summary>
    public bool IsValid => Slot != 0;
}
