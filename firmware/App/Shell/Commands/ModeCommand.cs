// `mode irq|poll`: how the agent waits for replies from now on.
using Nano.Runtime.Native;

namespace App.Shell.Commands;

/// <summary>Switches every following command between interrupt-driven and polled completion.</summary>
public static class ModeCommand
{
    public static ShellOutcome Run(ShellContext context, CommandLine line)
    {
        if (line.Count == 1)
        {
            Console.WriteLine(context.Agent.Polling ? "mode poll" : "mode irq");
            return ShellOutcome.Continue;
        }
        if (line.Count != 2)
            return ShellOutput.Error("usage: mode irq|poll");
        if (line.Is(1, "irq"))
            context.Agent.Polling = false;
        else if (line.Is(1, "poll"))
            context.Agent.Polling = true;
        else
            return ShellOutput.Error("unknown mode (irq or poll)", line[1]);
        Console.WriteLine(context.Agent.Polling ? "mode poll" : "mode irq");
        return ShellOutcome.Continue;
    }
}
