// Runs one shell line: splits it into words and hands it to the command its first word names.
using System;
using App.Shell.Commands;

namespace App.Shell;

/// <summary>The command table. An unknown command or a malformed line is one error line, never a panic.</summary>
public static class CommandDispatcher
{
    /// <summary>Runs <paramref name="text"/>. Context: thread.</summary>
    public static ShellOutcome Execute(ShellContext context, ReadOnlySpan<char> text)
    {
        Span<Token> tokens = stackalloc Token[CommandParser.MaximumWords];
        int count = CommandParser.Tokenize(text, tokens);
        if (count == 0)
            return ShellOutcome.Continue;
        context.CommandsRun++;
        if (count < 0)
            return ShellOutput.Error("too many words");
        return Run(context, new CommandLine(text, tokens.Slice(0, count)));
    }

    private static ShellOutcome Run(ShellContext context, CommandLine line)
    {
        if (line.Is(0, "help") || line.Is(0, "?"))
            return HelpCommand.Run(context, line);
        if (line.Is(0, "info"))
            return InfoCommand.Run(context, line);
        if (line.Is(0, "list"))
            return ListCommand.Run(context, line);
        if (line.Is(0, "clock"))
            return ClockCommand.Run(context, line);
        if (line.Is(0, "perf"))
            return PerfCommand.Run(context, line);
        if (line.Is(0, "sensor"))
            return SensorCommand.Run(context, line);
        if (line.Is(0, "power"))
            return PowerCommand.Run(context, line);
        if (line.Is(0, "reset"))
            return ResetCommand.Run(context, line);
        if (line.Is(0, "voltage"))
            return VoltageCommand.Run(context, line);
        if (line.Is(0, "cap"))
            return CapCommand.Run(context, line);
        if (line.Is(0, "raw"))
            return RawCommand.Run(context, line);
        if (line.Is(0, "stats"))
            return StatsCommand.Run(context, line);
        if (line.Is(0, "mode"))
            return ModeCommand.Run(context, line);
        if (line.Is(0, "exit") || line.Is(0, "quit"))
            return line.Count == 1 ? ShellOutcome.Exit : ShellOutput.Error("usage: exit");
        return ShellOutput.Error("unknown command (try help)", line[0]);
    }
}
