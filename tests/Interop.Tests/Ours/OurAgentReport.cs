// What firmware/App printed for each command of OurAgent.Script, parsed into tables and key/value lines.
using App.Tests;

namespace Interop.Tests.Ours;

/// <summary>Our agent's replies by command.</summary>
public sealed class OurAgentReport(ShellRun run)
{
    public ShellRun Run { get; } = run;

    /// <summary>The rows of `list PROTOCOL` (count line and header skipped).</summary>
    public IReadOnlyList<AgentRow> Table(string protocol) => Run.ReplyTo("list " + protocol).Select(AgentRow.Parse).OfType<AgentRow>().ToList();

    /// <summary>The row named <paramref name="name"/> of `list PROTOCOL`.</summary>
    public AgentRow Row(string protocol, string name) =>
        Table(protocol).SingleOrDefault(r => r.Name == name)
        ?? throw new InvalidOperationException($"our agent lists no {protocol} '{name}':\n" + string.Join('\n', Run.ReplyTo("list " + protocol)));

    /// <summary>`info`'s "key   value" lines (vendor, sub-vendor, implementation, agents, protocols).</summary>
    public string Info(string key) =>
        Run.ReplyTo("info").Where(l => l.StartsWith(key + " ", StringComparison.Ordinal)).Select(l => l[key.Length..].Trim()).SingleOrDefault()
        ?? throw new InvalidOperationException($"info shows no '{key}':\n" + string.Join('\n', Run.ReplyTo("info")));

    /// <summary>`info`'s protocol table: id → (short name, version "major.minor").</summary>
    public IReadOnlyDictionary<byte, (string Name, string Version)> Protocols() =>
        Run.ReplyTo("info").Where(l => l.StartsWith("  0x", StringComparison.Ordinal))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(f => Convert.ToByte(f[0], 16), f => (f[1], f[2]));

    /// <summary>`list clock ID`: the rates of a discrete clock one per line, or the one range line "LOW .. HIGH step STEP".</summary>
    public IReadOnlyList<string> ClockRates(int id)
    {
        IReadOnlyList<string> reply = Run.ReplyTo($"list clock {id}");
        string head = reply[0][(reply[0].IndexOf(": ", StringComparison.Ordinal) + 2)..];
        return head.EndsWith(" rates", StringComparison.Ordinal) ? reply.Skip(1).Select(l => l.Trim()).ToList() : [head];
    }

    /// <summary>`list perf ID`: one (level, frequency text, latency µs) per level, and the sustained level ("" when not given).</summary>
    public (IReadOnlyList<(uint Level, string Frequency, uint LatencyUs)> Levels, uint? SustainedLevel) PerformanceLevels(int id)
    {
        IReadOnlyList<string> reply = Run.ReplyTo($"list perf {id}");
        const string Sustained = "sustained level ";
        int at = reply[0].IndexOf(Sustained, StringComparison.Ordinal);
        uint? sustained = at < 0 ? null : uint.Parse(reply[0][(at + Sustained.Length)..].Split(' ')[0]);
        var levels = reply.Skip(2).Select(l => l.Trim().Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(f => (uint.Parse(f[0]), f[1], uint.Parse(f[3].Split(' ')[0]))).ToList();
        return (levels, sustained);
    }
}
