// `stats`: the transport's and the agent's counters, and the console's, in one aligned table.
using System;
using App.Format;
using Nano.Runtime;
using Nano.Runtime.Native;
using Scmi;
using Scmi.Virtio;

namespace App.Shell.Commands;

/// <summary>Prints every counter the layers keep; a reader can check them against each other.</summary>
public static class StatsCommand
{
    public static ShellOutcome Run(ShellContext context, CommandLine line)
    {
        if (line.Count != 1)
            return ShellOutput.Error("usage: stats");
        ScmiVirtioCounters transport = context.Transport.Counters;
        Console.WriteLine("transport (virtio)");
        Row("sent", transport.Sent);
        Row("replied", transport.Replied);
        Row("polled", transport.Polled);
        Row("deferred", transport.Deferred);
        Row("timed out", transport.TimedOut);
        Row("late", transport.Late);
        Row("unexpected", transport.Unexpected);
        Row("malformed", transport.Malformed);
        Row("busy", transport.Busy);
        Row("notifications", transport.Notifications);
        Row("dropped", transport.Dropped);
        Row("ring resets", transport.RingResets);
        Row("interrupts", transport.Interrupts);
        ScmiAgentCounters agent = context.Agent.Counters;
        Console.WriteLine("agent");
        Row("sent", agent.Sent);
        Row("  by interrupt", agent.SentInterrupt);
        Row("  polled", agent.SentPolled);
        Row("completed", agent.Completed);
        Row("failed", agent.Failed);
        Row("timed out", agent.TimedOut);
        Row("not sent", agent.NotSent);
        Row("async sent", agent.AsyncSent);
        Row("delayed paired", agent.DelayedPaired);
        Row("delayed unexpected", agent.DelayedUnexpected);
        Row("notifications", agent.NotificationsDispatched);
        Row("unhandled", agent.NotificationsUnhandled);
        Console.WriteLine("shell");
        Row("commands", context.CommandsRun);
        Row("errors", ShellOutput.ErrorLines);
        Row("console bytes in", ConsoleInput.Received);
        Row("console dropped", ConsoleInput.Dropped);
        Row("heap bytes", (ulong)Heap.BytesAllocated);
        return ShellOutcome.Continue;
    }

    private static void Row(string name, ulong value)
    {
        var line = new LineBuilder(stackalloc char[64]);
        line.Append("  ");
        line.Append(name);
        line.PadTo(24);
        Span<char> digits = stackalloc char[24];
        value.TryFormat(digits, out int written);
        line.AppendRight(digits.Slice(0, written), 12);
        ShellOutput.Line(ref line);
    }
}
