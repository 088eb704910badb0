// Where the transport's optional one-line-per-message trace goes: the console on target, a list in host tests.
using System;

namespace Scmi.Virtio;

/// <summary>Receives finished trace lines; must not block. An abstract class because interface dispatch is not available on target.</summary>
public abstract class ScmiTraceSink
{
    /// <summary>One line, without its end-of-line. Context: any (IRQ, thread, poller).</summary>
    public abstract void WriteLine(ReadOnlySpan<char> line);
}
