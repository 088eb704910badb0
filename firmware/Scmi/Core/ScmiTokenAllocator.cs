// SCMI tokens: monotonic, skipping tokens still held by the transport or by the core, so a late reply or delayed response never matches a newer command.
using System.Threading;

namespace Scmi;

/// <summary>
/// Hands out 10-bit tokens (SCMI DEN0056E §4.1.2, bits 27:18) in increasing order, wrapping at 1024 and
/// skipping any token still held. A token has a hold count: the transport takes it at send (0 → 1) and
/// releases it once its message is free (including timed-out ones the device still holds); the core adds
/// a hold for an asynchronous command (<see cref="Hold"/>, before <c>MarkTxDone</c>) and releases it once
/// the delayed response came or the transfer was given up, so a token is never reused while its delayed
/// response is awaited. Every change is a compare-and-swap, so several senders may race.
/// </summary>
public sealed class ScmiTokenAllocator
{
    private readonly int[] _holds = new int[ScmiHeader.TokenCount];
    private int _next;

    /// <summary>Takes the next token nobody holds (hold count 0 → 1); false when all 1024 are held. Context: any.</summary>
    public bool TryTake(out int token)
    {
        int start = Volatile.Read(ref _next);
        for (int i = 0; i < ScmiHeader.TokenCount; i++)
        {
            int candidate = (start + i) & ScmiHeader.MaximumToken;
            if (Interlocked.CompareExchange(ref _holds[candidate], 1, 0) == 0)
            {
                Volatile.Write(ref _next, (candidate + 1) & ScmiHeader.MaximumToken);
                token = candidate;
                return true;
            }
        }
        token = 0;
        return false;
    }

    /// <summary>
    /// Adds a hold on <paramref name="token"/>, which the caller must already hold (its message not yet
    /// marked done); false when nobody holds it (too late to extend). Context: any.
    /// </summary>
    public bool Hold(int token)
    {
        ref int holds = ref _holds[token & ScmiHeader.MaximumToken];
        while (true)
        {
            int current = Volatile.Read(ref holds);
            if (current == 0)
                return false;
            if (Interlocked.CompareExchange(ref holds, current + 1, current) == current)
                return true;
        }
    }

    /// <summary>Drops one hold on <paramref name="token"/>; the token is free again when the last one goes. Context: any.</summary>
    public void Release(int token)
    {
        ref int holds = ref _holds[token & ScmiHeader.MaximumToken];
        while (true)
        {
            int current = Volatile.Read(ref holds);
            if (current == 0)
                return;
            if (Interlocked.CompareExchange(ref holds, current - 1, current) == current)
                return;
        }
    }

    /// <summary>True while anybody holds <paramref name="token"/>. Context: any.</summary>
    public bool IsReserved(int token) => Volatile.Read(ref _holds[token & ScmiHeader.MaximumToken]) != 0;

    /// <summary>Tokens held right now (a scan; for tests and statistics). Context: any.</summary>
    public int HeldCount
    {
        get
        {
            int held = 0;
            for (int i = 0; i < ScmiHeader.TokenCount; i++)
            {
                if (Volatile.Read(ref _holds[i]) != 0)
                    held++;
            }
            return held;
        }
    }
}
