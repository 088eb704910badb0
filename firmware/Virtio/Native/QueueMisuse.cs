// A broken queue-ownership rule on target: a panic naming the method that re-entered and the one it interrupted.
using System;
using System.Diagnostics.CodeAnalysis;
using Nano.Runtime;

namespace Virtio;

/// <summary>
/// Reports a second context entering a <see cref="SplitQueue"/> while one of its operations runs (a
/// handler calling in while the thread it interrupted was inside). That is a caller's bug, not a device's,
/// so it fails fast: "PANIC: SplitQueue.TryTakeUsed re-entered during SplitQueue.Kick". Host builds of the
/// same sources bind this class to an exception instead (tests/Virtio.Tests).
/// </summary>
internal static class QueueMisuse
{
    private const string Middle = " re-entered during ";

    [DoesNotReturn]
    public static void Reentered(QueueOperation attempted, QueueOperation running)
    {
        // Composed on the stack: after Heap.Seal() a panic must not allocate either.
        string first = QueueOperationNames.Of(attempted);
        string second = QueueOperationNames.Of(running);
        Span<char> line = stackalloc char[96];
        int length = Append(line, 0, first);
        length = Append(line, length, Middle);
        length = Append(line, length, second);
        Panic.Fail(line.Slice(0, length));
    }

    private static int Append(Span<char> line, int at, string text)
    {
        for (int i = 0; i < text.Length && at < line.Length; i++)
            line[at++] = text[i];
        return at;
    }
}
