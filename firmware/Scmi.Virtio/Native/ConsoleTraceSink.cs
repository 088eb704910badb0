// The transport's trace on target: one line per message on the serial console.
using System;
using Nano.Runtime.Native;

namespace Scmi.Virtio;

/// <summary>Writes trace lines to the PL011 console.</summary>
public sealed class ConsoleTraceSink : ScmiTraceSink
{
    public static readonly ConsoleTraceSink Instance = new ConsoleTraceSink();

    public override void WriteLine(ReadOnlySpan<char> line)
    {
        Console.Write(line);
        Console.Write('\n');
    }
}
