// Everything a shell command may use: the agent, the transport, and the protocol clients, built before the heap seal.
using App.Inventory;
using Scmi;
using Scmi.Virtio;

namespace App.Shell;

/// <summary>The program's SCMI side as the shell sees it. Built once during bring-up; commands only read it.</summary>
public sealed class ShellContext
{
    public ShellContext(ScmiAgent agent, ScmiVirtioTransport transport)
    {
        Agent = agent;
        Transport = transport;
    }

    public ScmiAgent Agent { get; }

    public ScmiVirtioTransport Transport { get; }

    /// <summary>The Base discovery answers, re-read by `info` and the inventory.</summary>
    public PlatformIdentity Identity { get; } = new PlatformIdentity();

    /// <summary>Commands run since the shell started (stats).</summary>
    public ulong CommandsRun { get; set; }
}
