// `reset <id> [assert|deassert]`: an autonomous reset of a domain, or holding it in reset and releasing it.
using App.Format;
using Scmi;
using Scmi.Protocols;

namespace App.Shell.Commands;

/// <summary>RESET (SCMI DEN0056E §4.8.2.4): autonomous, or explicit assert/deassert.</summary>
public static class ResetCommand
{
    private const string Usage = "usage: reset <id> [assert|deassert]";

    public static ShellOutcome Run(ShellContext context, CommandLine line)
    {
        ResetDomainProtocol reset = context.Reset;
        if (line.Count < 2 || line.Count > 3)
            return ShellOutput.Error(Usage);
        if (!Arguments.Discovered(reset, "reset") || !Arguments.TryId(line, 1, reset.DomainCount, out uint id))
            return ShellOutcome.Continue;
        ScmiResult result;
        string done;
        if (line.Count == 2)
        {
            result = reset.Reset(id);
            done = " reset";
        }
        else if (line.Is(2, "assert"))
        {
            result = reset.Assert(id);
            done = " held in reset";
        }
        else if (line.Is(2, "deassert"))
        {
            result = reset.Deassert(id);
            done = " released from reset";
        }
        else
        {
            return ShellOutput.Error("unknown reset action (assert, deassert)", line[2]);
        }
        if (!result.IsSuccess)
            return ShellOutput.Failed("reset", result);
        var text = new LineBuilder(stackalloc char[ShellOutput.LineCapacity]);
        text.Append("domain ");
        text.Append((ulong)id);
        text.Append(done);
        ShellOutput.Line(ref text);
        return ShellOutcome.Continue;
    }
}
