// `clock get|set|on|off <id> [rate]`: a clock's rate and gate.
using System;
using App.Format;
using App.Inventory;
using Scmi;
using Scmi.Protocols;

namespace App.Shell.Commands;

/// <summary>CLOCK_RATE_GET/SET and CLOCK_CONFIG_SET (SCMI DEN0056E §4.6.2); rates take Hz/kHz/MHz/GHz.</summary>
public static class ClockCommand
{
    private const string Usage = "usage: clock get|set|on|off <id> [rate]";

    public static ShellOutcome Run(ShellContext context, CommandLine line)
    {
        ClockProtocol clock = context.Clock;
        if (line.Count < 3)
            return ShellOutput.Error(Usage);
        if (!Arguments.Discovered(clock, "clock") || !Arguments.TryId(line, 2, clock.ClockCount, out uint id))
            return ShellOutcome.Continue;
        ScmiResult result;
        if (line.Is(1, "get"))
        {
            if (!Arguments.Expect(line, 3, Usage))
                return ShellOutcome.Continue;
            ClockTable.PrintOne(context, id);
            return ShellOutcome.Continue;
        }
        if (line.Is(1, "set"))
        {
            if (!Arguments.Expect(line, 4, Usage))
                return ShellOutcome.Continue;
            if (!CommandParser.TryParseQuantity(line[3], "Hz", 1, out ulong rate))
                return ShellOutput.Error("bad rate (e.g. 100MHz, 32.768kHz, 1000)", line[3]);
            result = clock.SetRate(id, rate);
            if (!result.IsSuccess)
                return ShellOutput.Failed("clock set", result);
            result = clock.GetRate(id, out ulong now);
            if (!result.IsSuccess)
                return ShellOutput.Failed("clock get", result);
            var text = new LineBuilder(stackalloc char[ShellOutput.LineCapacity]);
            Span<char> number = stackalloc char[32];
            text.Append("clock ");
            text.Append((ulong)id);
            text.Append(" rate ");
            text.Append(number.Slice(0, Units.Frequency(now, number)));
            ShellOutput.Line(ref text);
            return ShellOutcome.Continue;
        }
        bool on = line.Is(1, "on");
        if (on || line.Is(1, "off"))
        {
            if (!Arguments.Expect(line, 3, Usage))
                return ShellOutcome.Continue;
            result = on ? clock.Enable(id) : clock.Disable(id);
            if (!result.IsSuccess)
                return ShellOutput.Failed(on ? "clock on" : "clock off", result);
            ClockTable.PrintOne(context, id);
            return ShellOutcome.Continue;
        }
        return ShellOutput.Error("unknown clock command (get, set, on, off)", line[1]);
    }
}
