// Everything one ./nf bench run measured, written as bench/results.json and bench/results.md.
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nf.Bench;

public sealed class BenchResults
{
    /// <summary>Bumped when a field of results.json changes meaning or goes away.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Commands the firmware measures, in table order (Bench/BenchCommand.cs).</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> Commands =
    [
        ("base_version", "BASE PROTOCOL_VERSION"),
        ("sensor_reading_get", "SENSOR READING_GET"),
        ("clock_rate_get", "CLOCK RATE_GET"),
    ];

    /// <summary>nanoFramework's published minimum for its smallest runtime, shown beside our footprint.</summary>
    public const int NanoFrameworkFlashBytes = 256 * 1024;
    public const int NanoFrameworkRamBytes = 64 * 1024;

    private readonly List<BenchFigure> _figures = [];
    private readonly List<BenchRun> _runs = [];

    public BenchResults(bool quick, DateTimeOffset started, string host)
    {
        Quick = quick;
        Started = started;
        Host = host;
    }

    public bool Quick { get; }
    public DateTimeOffset Started { get; }
    /// <summary>CPUs, QEMU version: what the wall-clock figures depend on.</summary>
    public string Host { get; }
    public IReadOnlyList<BenchFigure> Figures => _figures;
    public IReadOnlyList<BenchRun> Runs => _runs;

    public void Add(BenchFigure figure) => _figures.Add(figure);

    public void AddRange(IEnumerable<BenchFigure> figures) => _figures.AddRange(figures);

    public void AddRun(BenchRun run) => _runs.Add(run);

    /// <summary>The value of <paramref name="key"/> measured by <paramref name="run"/>; null when missing.</summary>
    public double? Get(string run, string key) =>
        _figures.LastOrDefault(f => f.Run == run && f.Key == key)?.Value;

    public bool Succeeded => _runs.All(r => r.Error is null);

    // ---- results.json ------------------------------------------------------------------------------

    private sealed record JsonShape(
        [property: JsonPropertyName("schema")] int Schema,
        [property: JsonPropertyName("quick")] bool Quick,
        [property: JsonPropertyName("started")] string Started,
        [property: JsonPropertyName("host")] string Host,
        [property: JsonPropertyName("runs")] IReadOnlyList<JsonRun> Runs,
        [property: JsonPropertyName("figures")] IReadOnlyList<JsonFigure> Figures);

    private sealed record JsonRun(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("description")] string Description,
        [property: JsonPropertyName("seconds")] double Seconds,
        [property: JsonPropertyName("error")] string? Error,
        [property: JsonPropertyName("skipped")] string? Skipped);

    private sealed record JsonFigure(
        [property: JsonPropertyName("run")] string Run,
        [property: JsonPropertyName("key")] string Key,
        [property: JsonPropertyName("value")] double Value,
        [property: JsonPropertyName("unit")] string Unit);

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(new JsonShape(SchemaVersion, Quick,
        Started.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), Host,
        _runs.Select(r => new JsonRun(r.Name, r.Description, Math.Round(r.Seconds, 1), r.Error, r.Skipped)).ToList(),
        _figures.Select(f => new JsonFigure(f.Run, f.Key, f.Value, f.Unit)).ToList()), Json);

    /// <summary>Reads results.json back (the tests check the shape through it; a later run could compare against it).</summary>
    public static BenchResults FromJson(string json)
    {
        JsonShape shape = JsonSerializer.Deserialize<JsonShape>(json, Json)
            ?? throw new FormatException("results.json is empty");
        if (shape.Schema != SchemaVersion)
            throw new FormatException($"results.json schema {shape.Schema}, expected {SchemaVersion}");
        var results = new BenchResults(shape.Quick, DateTimeOffset.Parse(shape.Started, CultureInfo.InvariantCulture), shape.Host);
        foreach (JsonRun run in shape.Runs)
            results.AddRun(new BenchRun(run.Name, run.Description, run.Seconds, run.Error) { Skipped = run.Skipped });
        foreach (JsonFigure figure in shape.Figures)
            results.Add(new BenchFigure(figure.Run, figure.Key, figure.Value, figure.Unit));
        return results;
    }

    // ---- results.md --------------------------------------------------------------------------------

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# nf bench results");
        md.AppendLine();
        md.AppendLine($"{Started.UtcDateTime:yyyy-MM-dd HH:mm} UTC, {(Quick ? "quick run (fewer rounds)" : "full run")}, {Host}. "
            + "What each figure means and how to reproduce it: `docs/performance.md`.");
        md.AppendLine();

        md.AppendLine("## Agent path length (guest instructions per round trip, `-icount shift=0`)");
        md.AppendLine();
        md.AppendLine("One instruction per virtual nanosecond; each figure is the median round (the typical path, the same run after run) "
            + "unless marked mean. *Agent work* = send + completion + agent core (`Invoke` and `ScmiExchange`); *waiting* is spinning while "
            + "the platform answers, reported apart. Where a reply lands (still inside Send, or later) moves work between send and "
            + "completion; agent work is the figure to compare. *Null* is the same against `scmi-platform --null`.");
        md.AppendLine();
        var path = new List<string[]>();
        foreach ((string key, string label) in Commands)
        {
            foreach (string mode in new[] { "irq", "poll" })
            {
                string p = $"path.{mode}.{key}";
                path.Add([label, mode, Int(Get("icount", p + ".send")), Int(Get("icount", p + ".completion")), Int(Get("icount", p + ".agent")),
                    Int(Get("icount", p + ".total")), Int(Get("icount", p + ".total.mean")), Int(Get("icount", p + ".wait.mean")),
                    Int(Get("icount.null", p + ".total")), Int(Get("icount.null", p + ".total.mean"))]);
            }
        }
        Table(md, ["Command", "Completion", "Send (instr)", "Completion (instr)", "Agent core (instr)", "Agent work (instr)",
            "Agent work, mean (instr)", "Waiting, mean (instr)", "Agent work, null (instr)", "Agent work, null, mean (instr)"], path);

        md.AppendLine("## Latency (µs per round trip, wall clock)");
        md.AppendLine();
        md.AppendLine("Each figure over " + Int(Get("timing", "latency.irq.base_version.count")) + " commands through `ScmiAgent.Invoke`, "
            + "timed by the guest's generic timer. Shared, noisy machine: compare the ratio (same run), not the absolute values.");
        md.AppendLine();
        var latency = new List<string[]>();
        foreach ((string key, string label) in Commands)
        {
            foreach (string mode in new[] { "irq", "poll" })
            {
                string p = $"latency.{mode}.{key}";
                if (Get("timing", p + ".p50") is null && Get("timing.null", p + ".p50") is null)
                    continue;
                latency.Add([label, mode, Micro(Get("timing", p + ".p50")), Micro(Get("timing", p + ".p90")), Micro(Get("timing", p + ".p99")),
                    Micro(Get("timing.null", p + ".p50")), Micro(Get("timing.null", p + ".p99")),
                    Ratio(Get("timing", p + ".p50"), Get("timing.null", p + ".p50"))]);
            }
        }
        Table(md, ["Command", "Completion", "p50", "p90", "p99", "p50, null", "p99, null", "p50 model / null"], latency);

        md.AppendLine("## Latency against Linux (µs per round trip, same platform build, same run)");
        md.AppendLine();
        md.AppendLine("*nf*: our agent's `Invoke`, interrupt completion (the table above). *Linux*: " + Int(Get("linux", "latency.linux.base_version.count"))
            + " commands per row from the Linux guest through raw mode (`/sys/kernel/debug/scmi/0/raw/message`), each timed inside the guest "
            + "with CLOCK_MONOTONIC from before the write to after the read that returns the reply: two system calls, raw mode's "
            + "queueing and its worker's wakeup of the reader, and the same device path (interrupt completion). *Linux / nf* > 1: ours is faster.");
        md.AppendLine();
        var linux = new List<string[]>();
        foreach ((string key, string label) in Commands)
        {
            string nf = $"latency.irq.{key}";
            string lx = $"latency.linux.{key}";
            if (Get("linux", lx + ".p50") is null && Get("linux.null", lx + ".p50") is null)
                continue;
            linux.Add([label, Micro(Get("timing", nf + ".p50")), Micro(Get("timing", nf + ".p90")), Micro(Get("timing", nf + ".p99")),
                Micro(Get("linux", lx + ".p50")), Micro(Get("linux", lx + ".p90")), Micro(Get("linux", lx + ".p99")),
                Ratio(Get("linux", lx + ".p50"), Get("timing", nf + ".p50")), Ratio(Get("linux", lx + ".p90"), Get("timing", nf + ".p90")),
                Micro(Get("timing.null", nf + ".p50")), Micro(Get("linux.null", lx + ".p50")),
                Ratio(Get("linux.null", lx + ".p50"), Get("timing.null", nf + ".p50"))]);
        }
        if (linux.Count > 0)
        {
            Table(md, ["Command", "nf p50", "nf p90", "nf p99", "Linux p50", "Linux p90", "Linux p99", "Linux / nf, p50", "Linux / nf, p90",
                "nf p50, null", "Linux p50, null", "Linux / nf, p50, null"], linux);
        }
        else
        {
            md.AppendLine("No Linux figures in this run (see *Runs*).");
            md.AppendLine();
        }

        md.AppendLine("## Throughput (commands/s, BASE PROTOCOL_VERSION)");
        md.AppendLine();
        md.AppendLine("Commands kept queued on the transport; *irq*: interrupt completion, *poll*: polled with the interrupt masked; "
            + "*EVENT_IDX*: VIRTIO_F_EVENT_IDX negotiated (ring-index notification suppression). *Kicks* and *interrupts* per command: "
            + "the notifications each side wrote, over " + Int(Get("timing", "throughput.count")) + " commands per row. EVENT_IDX negotiated in "
            + "the EVENT_IDX run: " + (Get("timing.eventidx", "bench.event_index") switch { 1 => "yes", 0 => "no (QEMU or the platform did not offer it)", _ => "–" })
            + ".");
        md.AppendLine();
        var throughput = new List<string[]>();
        foreach (string depth in new[] { "1", "8", "32", "pool" })
        {
            string label = depth == "pool" ? $"whole pool ({Int(Get("timing", "throughput.pool"))})" : depth;
            throughput.Add([label, Int(Get("timing", $"throughput.{depth}.rate")), Int(Get("timing", $"throughput.poll.{depth}.rate")),
                Int(Get("timing.null", $"throughput.{depth}.rate")), Int(Get("timing.null", $"throughput.poll.{depth}.rate")),
                Int(Get("timing.eventidx", $"throughput.{depth}.rate")), Int(Get("timing.eventidx", $"throughput.poll.{depth}.rate")),
                PerCommand("timing", $"throughput.{depth}.kicks"), PerCommand("timing", $"throughput.{depth}.interrupts"),
                PerCommand("timing.eventidx", $"throughput.{depth}.kicks"), PerCommand("timing.eventidx", $"throughput.{depth}.interrupts")]);
        }
        Table(md, ["In flight", "model, irq", "model, poll", "null, irq", "null, poll", "EVENT_IDX, irq", "EVENT_IDX, poll",
            "kicks / cmd", "interrupts / cmd", "kicks / cmd, EVENT_IDX", "interrupts / cmd, EVENT_IDX"], throughput);

        md.AppendLine("## Moving the bottleneck");
        md.AppendLine();
        md.AppendLine("Each row changes one stage of the round trip and keeps the rest; *moved / as is* far from 1 means that stage costs.");
        md.AppendLine();
        Table(md, ["Stage moved", "Figure", "As is", "Moved", "Moved / as is"], Moves().Select(m =>
            new[] { m.Stage, m.Figure, m.Format(m.AsIs), m.Format(m.Moved), Ratio(m.Moved, m.AsIs) }).ToList());

        md.AppendLine("## Footprint (bytes)");
        md.AppendLine();
        var footprint = new List<string[]>();
        foreach (string program in new[] { "app", "bench" })
        {
            footprint.Add([program == "app" ? "firmware/App" : "firmware/Bench", Int(Get("size", $"footprint.{program}.text")),
                Int(Get("size", $"footprint.{program}.data")), Int(Get("size", $"footprint.{program}.bss")),
                Int(program == "app" ? Get("app", "footprint.app.heap_sealed") : Get("timing", "bench.heap.sealed"))]);
        }
        footprint.Add(["nanoFramework, smallest runtime (published)", $"{NanoFrameworkFlashBytes} flash", "", "", $"{NanoFrameworkRamBytes} RAM"]);
        Table(md, ["Program", "text", "data", "bss", "heap at the seal"], footprint);
        var stacks = new List<string[]>();
        foreach ((string run, string program, string label) in new[] { ("app", "app", "firmware/App"), ("timing", "bench", "firmware/Bench") })
        {
            foreach (string stack in new[] { "thread", "exception" })
            {
                string p = $"footprint.{program}.stack.{stack}";
                if (Get(run, p + ".used") is not null)
                    stacks.Add([$"{label}, {stack} stack", Int(Get(run, p + ".used")), Int(Get(run, p + ".size"))]);
            }
        }
        if (stacks.Count > 0)
            Table(md, ["Stack", "high-water mark", "size"], stacks);

        var platform = _figures.Where(f => f.Run == "platform" && f.Key.EndsWith(".rate", StringComparison.Ordinal)).ToList();
        if (platform.Count > 0)
        {
            md.AppendLine("## Platform (host only, `tools/ScmiPlatform.Bench`)");
            md.AppendLine();
            md.AppendLine("*requests/CPU-s*: requests per second of CPU time the run used (the measuring thread in-process, the whole "
                + "process over vhost-user): the path's cost, whatever share of a loaded machine the run got.");
            md.AppendLine();
            Table(md, ["Scenario", "requests/s", "requests/CPU-s", "p50 (µs)", "p90 (µs)", "p99 (µs)", "max (µs)", "allocated (B/request)"], platform.Select(f =>
            {
                string scenario = f.Key["platform.".Length..^".rate".Length];
                return new[] { scenario, Int(f.Value), Int(Get("platform", $"platform.{scenario}.cpu_rate")), Fixed(Get("platform", $"platform.{scenario}.p50")),
                    Fixed(Get("platform", $"platform.{scenario}.p90")), Fixed(Get("platform", $"platform.{scenario}.p99")),
                    Fixed(Get("platform", $"platform.{scenario}.max")), Fixed(Get("platform", $"platform.{scenario}.alloc")) };
            }).ToList());
            var split = _figures.Where(f => f.Run == "platform" && f.Key.StartsWith("platform.split.", StringComparison.Ordinal)
                && f.Key.EndsWith(".p50", StringComparison.Ordinal)).ToList();
            if (split.Count > 0)
            {
                md.AppendLine("Where one vhost-user round trip (1 per kick) spends its time, stage by stage:");
                md.AppendLine();
                Table(md, ["Stage", "p50 (µs)", "mean (µs)"], split.Select(f =>
                {
                    string stage = f.Key["platform.split.".Length..^".p50".Length];
                    return new[] { stage, Fixed(f.Value), Fixed(Get("platform", $"platform.split.{stage}.mean")) };
                }).ToList());
            }
        }

        md.AppendLine("## Runs");
        md.AppendLine();
        Table(md, ["Run", "What", "Time (s)", "Result"],
            _runs.Select(r => new[] { r.Name, r.Description, r.Seconds.ToString("F1", CultureInfo.InvariantCulture), Outcome(r) }).ToList());
        return md.ToString();
    }

    /// <summary>One stage of the round trip changed with everything else kept: the figure before and after.</summary>
    private sealed record Move(string Stage, string Figure, double? AsIs, double? Moved, Func<double?, string> Format);

    /// <summary>The platform (model → null), the guest's completion (interrupt → polling), QEMU's notification path (every
    /// kick and interrupt → EVENT_IDX suppression), the agent (Linux → ours), vhost-user (socket → in-process, platform alone).</summary>
    private IEnumerable<Move> Moves()
    {
        yield return new Move("platform: SCMI model → null", "latency p50, BASE, irq (µs)",
            Get("timing", "latency.irq.base_version.p50"), Get("timing.null", "latency.irq.base_version.p50"), Micro);
        yield return new Move("platform: SCMI model → null", "throughput, whole pool, irq (commands/s)",
            Get("timing", "throughput.pool.rate"), Get("timing.null", "throughput.pool.rate"), Int);
        yield return new Move("guest completion: interrupt → polling", "latency p50, BASE (µs)",
            Get("timing", "latency.irq.base_version.p50"), Get("timing", "latency.poll.base_version.p50"), Micro);
        yield return new Move("guest completion: interrupt → polling", "throughput, 1 in flight (commands/s)",
            Get("timing", "throughput.1.rate"), Get("timing", "throughput.poll.1.rate"), Int);
        yield return new Move("guest completion: interrupt → polling", "throughput, whole pool (commands/s)",
            Get("timing", "throughput.pool.rate"), Get("timing", "throughput.poll.pool.rate"), Int);
        yield return new Move("notification path: every kick → EVENT_IDX", "throughput, whole pool, irq (commands/s)",
            Get("timing", "throughput.pool.rate"), Get("timing.eventidx", "throughput.pool.rate"), Int);
        yield return new Move("notification path: every kick → EVENT_IDX", "kicks per command, whole pool, irq",
            PerCommandValue("timing", "throughput.pool.kicks"), PerCommandValue("timing.eventidx", "throughput.pool.kicks"), Fixed);
        yield return new Move("agent: Linux raw mode → ours (irq)", "latency p50, BASE (µs)",
            Get("linux", "latency.linux.base_version.p50"), Get("timing", "latency.irq.base_version.p50"), Micro);
        yield return new Move("vhost-user: socket + eventfds → in-process (platform alone)", "requests/s, SCMI model, 1 per kick",
            Get("platform", "platform.vhost_user_socket_eventfds_scmi_model_1_kick.rate"),
            Get("platform", "platform.in_process_scmi_model_base_1_per_kick.rate"), Int);
    }

    /// <summary>A throughput count divided by the commands of that row, as "0.00".</summary>
    private string PerCommand(string run, string key) => Fixed(PerCommandValue(run, key));

    private double? PerCommandValue(string run, string key) =>
        Get(run, key) is double total && Get(run, "throughput.count") is double count && count > 0 ? total / count : null;

    private static string Outcome(BenchRun run) => run.Error ?? (run.Skipped is null ? "ok" : "skipped: " + run.Skipped);

    private static void Table(StringBuilder md, IReadOnlyList<string> headers, IReadOnlyList<string[]> rows)
    {
        md.AppendLine("| " + string.Join(" | ", headers) + " |");
        md.AppendLine("|" + string.Concat(headers.Select((_, i) => i == 0 ? "---|" : "---:|")));
        foreach (string[] row in rows)
            md.AppendLine("| " + string.Join(" | ", row.Select(c => c.Length == 0 ? " " : c)) + " |");
        md.AppendLine();
    }

    private static string Int(double? value) => value is null ? "–" : Math.Round(value.Value).ToString("N0", CultureInfo.InvariantCulture);

    private static string Fixed(double? value) => value is null ? "–" : value.Value.ToString("F2", CultureInfo.InvariantCulture);

    /// <summary>Nanoseconds shown as microseconds.</summary>
    private static string Micro(double? nanoseconds) => nanoseconds is null ? "–" : (nanoseconds.Value / 1000).ToString("F1", CultureInfo.InvariantCulture);

    private static string Ratio(double? a, double? b) =>
        a is null || b is null || b.Value == 0 ? "–" : (a.Value / b.Value).ToString("F2", CultureInfo.InvariantCulture);
}
