// `help`: every command with its arguments, one line each.
using Nano.Runtime.Native;

namespace App.Shell.Commands;

/// <summary>The command summary. Numbers are decimal or 0x-hex; rates take Hz/kHz/MHz/GHz, voltages V/mV/uV.</summary>
public static class HelpCommand
{
    public static ShellOutcome Run(ShellContext context, CommandLine line)
    {
        Console.WriteLine("commands (numbers decimal or 0x hex; rates like 100MHz, voltages like 900mV):");
        Console.WriteLine("  help                              this list");
        Console.WriteLine("  info                              vendor, versions, protocols");
        Console.WriteLine("  list <protocol>                   the protocol's domains (clock, perf, sensor, power, reset, voltage, cap)");
        Console.WriteLine("  list clock|perf <id>              every rate of a clock, every level of a perf domain with its frequency");
        Console.WriteLine("  clock get|set|on|off <id> [rate]  clock rate, enable, disable");
        Console.WriteLine("  perf get|set|limits <id> [level [max]]  performance level and limits");
        Console.WriteLine("  sensor read|watch|trip <id> [n|point low high]  readings, trip points");
        Console.WriteLine("  power get|set <id> [on|off|state] power domain state");
        Console.WriteLine("  reset <id> [assert|deassert]      reset a domain (or hold it)");
        Console.WriteLine("  voltage get|set <id> [level]      voltage level");
        Console.WriteLine("  cap get|set <id> [cap]            power cap");
        Console.WriteLine("  raw <protocol> <msg> [hex...]     any message; prints status and return words");
        Console.WriteLine("  stats                             transport, agent and shell counters");
        Console.WriteLine("  mode [irq|poll]                   how replies are awaited");
        Console.WriteLine("  exit                              end the program (also Ctrl-D)");
        return ShellOutcome.Continue;
    }
}
