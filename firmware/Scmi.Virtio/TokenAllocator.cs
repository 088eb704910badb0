// SCMI tokens for the cmdq: monotonic, skipping tokens still reserved, so a late reply never matches a newer command.
using System.Threading;

namespace Scmi.Virtio;

/// <summary>
/// Hands out 10-bit tokens (SCMI DEN0056E §4.1.2, bits 27:18) in increasing order, wrapping at 1024 and
/// skipping any token whose message has not been freed yet (including timed-out ones the device still
/// holds). Each token's word is claimed by compare-and-swap, so several senders may race.
/// </summary>
internal sealed class TokenAllocator
{
    private readonly int[] _reserved = new int[ScmiHeader.TokenCount];
    private int _next;

    /// <summary>Reserves the next free token; false when all 1024 are reserved. Context: any.</summary>
    public bool TryTake(out int token)
    {
        int start = Volatile.Read(ref _next);
        for (int i = 0; i < ScmiHeader.TokenCount; i++)
        {
            int candidate = (start + i) & ScmiHeader.MaximumToken;
            if (Interlocked.CompareExchange(ref _reserved[candidate], 1, 0) == 0)
            {
                Volatile.Write(ref _next, (candidate + 1) & ScmiHeader.MaximumToken);
                token = candidate;
                return true;
            }
        }
        token = 0;
        return false;
    }

    /// <summary>Releases <paramref name="token"/> once its message is free. Context: any.</summary>
    public void Release(int token) => Volatile.Write(ref _reserved[token & ScmiHeader.MaximumToken], 0);

    /// <summary>True while <paramref name="token"/> is reserved.</summary>
    public bool IsReserved(int token) => Volatile.Read(ref _reserved[token & ScmiHeader.MaximumToken]) != 0;
}
