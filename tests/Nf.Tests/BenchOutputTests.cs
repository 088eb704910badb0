// ./nf bench's own parsing (firmware lines, App banner, size, the platform benchmark) and the shape of results.json/results.md.
using System.Text.Json;
using Nf.Bench;
using Nf.Linux;
using Nf.Repository;
using Xunit;

namespace Nf.Tests;

public class BenchOutputTests
{
    [Fact]
    public void A_firmware_figure_line_is_read_with_its_run_key_value_and_unit()
    {
        BenchFigure? figure = BenchOutputParser.FirmwareLine("icount", "bench,path.irq.base_version.send,1866,instructions");
        Assert.Equal(new BenchFigure("icount", "path.irq.base_version.send", 1866, "instructions"), figure);
    }

    [Theory]
    [InlineData("Test passed,Foo.Bar,12")]
    [InlineData("bench,path.irq.base_version.send,1866")]
    [InlineData("bench,path.irq.base_version.send,many,instructions")]
    [InlineData("bench,,1866,instructions")]
    [InlineData("bench,key,1866,")]
    [InlineData("bench,key,1866,instructions,extra")]
    [InlineData("bench-error,sensor_reading_get irq round trip failed")]
    public void Any_other_line_is_not_a_figure(string line) => Assert.Null(BenchOutputParser.FirmwareLine("icount", line));

    [Fact]
    public void A_firmware_error_line_is_read_and_a_figure_line_is_not_an_error()
    {
        Assert.Equal("sensor_reading_get irq round trip failed", BenchOutputParser.FirmwareError("bench-error,sensor_reading_get irq round trip failed"));
        Assert.Null(BenchOutputParser.FirmwareError("bench,key,1,bytes"));
    }

    [Fact]
    public void The_app_banner_gives_the_heap_at_the_seal_and_each_stack_high_water_mark()
    {
        Assert.Equal(
            [new BenchFigure("app", "footprint.app.heap_sealed", 8944, "bytes"), new BenchFigure("app", "footprint.app.heap_objects", 31, "objects")],
            BenchOutputParser.AppLine("  heap sealed: 8944 bytes in 31 objects").ToList());
        Assert.Equal(
            [new BenchFigure("app", "footprint.app.stack.thread.used", 2144, "bytes"), new BenchFigure("app", "footprint.app.stack.thread.size", 65536, "bytes")],
            BenchOutputParser.AppLine("  stack thread: 2144 of 65536 bytes used").ToList());
        Assert.Empty(BenchOutputParser.AppLine("  heap: 65536 KiB, timer 62500 kHz"));
    }

    [Fact]
    public void Size_output_gives_text_data_and_bss_and_garbage_gives_nothing()
    {
        const string output = "   text\t   data\t    bss\t    dec\t    hex\tfilename\n  36780\t  23400\t 131456\t 191636\t  2ec94\timage.elf\n";
        Assert.Equal(
            [
                new BenchFigure("size", "footprint.app.text", 36780, "bytes"),
                new BenchFigure("size", "footprint.app.data", 23400, "bytes"),
                new BenchFigure("size", "footprint.app.bss", 131456, "bytes"),
            ],
            BenchOutputParser.SizeOutput("app", output));
        Assert.Empty(BenchOutputParser.SizeOutput("app", "aarch64-linux-gnu-size: 'image.elf': No such file"));
    }

    [Fact]
    public void A_platform_benchmark_report_line_gives_rate_and_percentiles_in_microseconds()
    {
        // The format of tools/ScmiPlatform.Bench/LatencyStats.Report.
        const string line = "in-process, SCMI model (base), 32 per kick           200000 req      510,344 req/s   p50     1.85 us   p99     4.90 us   max     310.2 us";
        IReadOnlyList<BenchFigure> figures = BenchOutputParser.PlatformLine(line);
        Assert.Equal(
            [
                new BenchFigure("platform", "platform.in_process_scmi_model_base_32_per_kick.rate", 510344, "requests/s"),
                new BenchFigure("platform", "platform.in_process_scmi_model_base_32_per_kick.p50", 1.85, "us"),
                new BenchFigure("platform", "platform.in_process_scmi_model_base_32_per_kick.p99", 4.90, "us"),
                new BenchFigure("platform", "platform.in_process_scmi_model_base_32_per_kick.max", 310.2, "us"),
            ],
            figures);
        Assert.Empty(BenchOutputParser.PlatformLine("SCMI platform queue service, 2 CPUs, .NET 10.0.4; 200000 requests per scenario"));
    }

    [Fact]
    public void A_linux_guest_line_is_a_figure_of_its_run_and_its_error_line_an_error()
    {
        // The format of tests/Interop.Tests/guest/scmi-bench.c.
        Assert.Equal(new BenchFigure("linux", "latency.linux.clock_rate_get.p99", 495200, "ns"),
            BenchOutputParser.FirmwareLine("linux", "bench,latency.linux.clock_rate_get.p99,495200,ns"));
        Assert.Equal("linux base_version: reply to another message (16384)",
            BenchOutputParser.FirmwareError("bench-error,linux base_version: reply to another message (16384)"));
        Assert.Null(BenchOutputParser.FirmwareLine("linux", "[    0.744388] Run /init as init process"));
    }

    [Fact]
    public void A_skipped_run_is_not_a_failure_and_a_failed_one_is()
    {
        var results = new BenchResults(quick: false, DateTimeOffset.UnixEpoch, "h");
        results.AddRun(new BenchRun("linux", "Linux guest", 0.1, null) { Skipped = "Linux guest unavailable" });
        Assert.True(results.Succeeded);
        Assert.Contains("No Linux figures in this run", results.ToMarkdown());
        results.AddRun(new BenchRun("timing", "latency", 1, "exit code 1"));
        Assert.False(results.Succeeded);
    }

    [Fact]
    public async Task A_machine_without_the_linux_guest_skips_the_linux_runs_and_the_bench_still_succeeds()
    {
        var results = new BenchResults(quick: true, DateTimeOffset.UnixEpoch, "h");
        var layout = new RepoLayout(Path.GetTempPath());
        await LinuxLatency.RunAsync(layout, null!, [("linux", []), ("linux.null", ["--null"])], 10, results, CancellationToken.None,
            _ => throw new GuestUnavailableException("the Debian packages the Linux guest needs cannot be fetched"));
        Assert.Equal(["linux", "linux.null"], results.Runs.Select(r => r.Name));
        Assert.All(results.Runs, r => Assert.Null(r.Error));
        Assert.All(results.Runs, r => Assert.StartsWith("Linux guest unavailable: the Debian packages", r.Skipped));
        Assert.True(results.Succeeded);

        // A guest that fails to build is a failure, not a skip.
        var failed = new BenchResults(quick: true, DateTimeOffset.UnixEpoch, "h");
        await LinuxLatency.RunAsync(layout, null!, [("linux", [])], 10, failed, CancellationToken.None,
            _ => throw new InvalidOperationException("build-guest.sh failed with exit code 2"));
        Assert.Equal("build-guest.sh failed with exit code 2", Assert.Single(failed.Runs).Error);
        Assert.False(failed.Succeeded);
    }

    [Fact]
    public void The_line_sink_hands_over_whole_lines_whatever_the_chunks_and_flushes()
    {
        var lines = new List<string>();
        using (var sink = new LineSink(lines.Add))
        {
            sink.Write("  heap sea");
            sink.Flush();
            sink.Write("led: 8944 bytes in 31 objects\r\n  stack thread: 1872 of 65536 bytes used\n\nnf> ");
            sink.Write("exit\r");
            sink.Write("\nbye");
            Assert.Equal(["  heap sealed: 8944 bytes in 31 objects", "  stack thread: 1872 of 65536 bytes used", "", "nf> exit"], lines);
        }
        Assert.Equal("bye", lines[^1]);
        Assert.Equal(5, lines.Count);
    }

    [Fact]
    public void A_platform_report_line_with_p90_allocation_and_cpu_rate_gives_those_figures_too()
    {
        const string line = "in-process, SCMI model (base), 1 per kick          200000 req    1,104,233 req/s   p50     0.71 us   p90     0.88 us   p99     2.10 us   max   10020.0 us   alloc      0.0 B/req   cpu    1,250,000 req/s";
        Assert.Equal(
            [
                new BenchFigure("platform", "platform.in_process_scmi_model_base_1_per_kick.rate", 1104233, "requests/s"),
                new BenchFigure("platform", "platform.in_process_scmi_model_base_1_per_kick.p50", 0.71, "us"),
                new BenchFigure("platform", "platform.in_process_scmi_model_base_1_per_kick.p90", 0.88, "us"),
                new BenchFigure("platform", "platform.in_process_scmi_model_base_1_per_kick.p99", 2.10, "us"),
                new BenchFigure("platform", "platform.in_process_scmi_model_base_1_per_kick.max", 10020.0, "us"),
                new BenchFigure("platform", "platform.in_process_scmi_model_base_1_per_kick.alloc", 0.0, "bytes/request"),
                new BenchFigure("platform", "platform.in_process_scmi_model_base_1_per_kick.cpu_rate", 1250000, "requests/CPU-s"),
            ],
            BenchOutputParser.PlatformLine(line));
    }

    [Fact]
    public void A_platform_split_line_gives_the_stage_median_and_mean()
    {
        const string line = "split frontend: kick eventfd write                    p50     1.20 us   mean     1.43 us";
        Assert.Equal(
            [
                new BenchFigure("platform", "platform.split.frontend_kick_eventfd_write.p50", 1.20, "us"),
                new BenchFigure("platform", "platform.split.frontend_kick_eventfd_write.mean", 1.43, "us"),
            ],
            BenchOutputParser.PlatformSplitLine(line));
        Assert.Empty(BenchOutputParser.PlatformSplitLine("in-process, SCMI model (base), 1 per kick   200000 req   1 req/s   p50 1 us   p99 1 us   max 1 us"));
        Assert.Empty(BenchOutputParser.PlatformLine(line));
    }

    private static BenchResults Sample()
    {
        var results = new BenchResults(quick: true, DateTimeOffset.Parse("2026-12-03T01:37:40Z"), "2 CPUs, QEMU 10.0.2");
        results.AddRun(new BenchRun("icount", "agent path length", 1.52, null));
        results.AddRun(new BenchRun("timing", "latency", 2.2, "bench-error: latency round trip failed"));
        results.Add(new BenchFigure("icount", "path.irq.base_version.total", 6672, "instructions"));
        results.Add(new BenchFigure("timing", "latency.irq.base_version.p50", 64_000, "ns"));
        results.Add(new BenchFigure("timing.null", "latency.irq.base_version.p50", 32_000, "ns"));
        results.Add(new BenchFigure("timing", "throughput.8.rate", 12436, "commands/s"));
        results.Add(new BenchFigure("app", "footprint.app.stack.thread.used", 1872, "bytes"));
        results.Add(new BenchFigure("app", "footprint.app.stack.thread.size", 65536, "bytes"));
        results.AddRun(new BenchRun("linux.null", "Linux guest, null platform", 0.4, null) { Skipped = "Linux guest unavailable: no apt-get" });
        results.Add(new BenchFigure("linux", "latency.linux.base_version.p50", 160_000, "ns"));
        results.Add(new BenchFigure("linux", "latency.linux.base_version.p90", 240_000, "ns"));
        results.Add(new BenchFigure("timing", "latency.irq.base_version.p90", 80_000, "ns"));
        results.Add(new BenchFigure("timing", "throughput.count", 2000, "commands"));
        results.Add(new BenchFigure("timing", "throughput.pool.rate", 24_000, "commands/s"));
        results.Add(new BenchFigure("timing", "throughput.pool.kicks", 2000, "notifications"));
        results.Add(new BenchFigure("timing.eventidx", "bench.event_index", 1, "negotiated"));
        results.Add(new BenchFigure("timing.eventidx", "throughput.count", 2000, "commands"));
        results.Add(new BenchFigure("timing.eventidx", "throughput.pool.rate", 36_000, "commands/s"));
        results.Add(new BenchFigure("timing.eventidx", "throughput.pool.kicks", 500, "notifications"));
        return results;
    }

    [Fact]
    public void Results_json_has_the_documented_shape()
    {
        using JsonDocument json = JsonDocument.Parse(Sample().ToJson());
        JsonElement root = json.RootElement;
        Assert.Equal(BenchResults.SchemaVersion, root.GetProperty("schema").GetInt32());
        Assert.True(root.GetProperty("quick").GetBoolean());
        Assert.Equal("2026-12-03T01:37:40Z", root.GetProperty("started").GetString());
        Assert.Equal("2 CPUs, QEMU 10.0.2", root.GetProperty("host").GetString());

        JsonElement run = root.GetProperty("runs")[0];
        Assert.Equal(["name", "description", "seconds", "error", "skipped"], run.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, run.GetProperty("skipped").ValueKind);
        Assert.Equal("Linux guest unavailable: no apt-get", root.GetProperty("runs")[2].GetProperty("skipped").GetString());
        Assert.Equal(1.5, run.GetProperty("seconds").GetDouble());
        Assert.Equal(JsonValueKind.Null, run.GetProperty("error").ValueKind);
        Assert.Equal("bench-error: latency round trip failed", root.GetProperty("runs")[1].GetProperty("error").GetString());

        Assert.Equal(16, root.GetProperty("figures").GetArrayLength());
        JsonElement figure = root.GetProperty("figures")[0];
        Assert.Equal(["run", "key", "value", "unit"], figure.EnumerateObject().Select(p => p.Name));
        Assert.Equal("path.irq.base_version.total", figure.GetProperty("key").GetString());
        Assert.Equal(6672, figure.GetProperty("value").GetDouble());
        Assert.Equal("instructions", figure.GetProperty("unit").GetString());
    }

    [Fact]
    public void Results_json_reads_back_to_the_same_figures_and_a_foreign_schema_is_refused()
    {
        BenchResults sample = Sample();
        BenchResults back = BenchResults.FromJson(sample.ToJson());
        Assert.Equal(sample.Figures, back.Figures);
        Assert.Equal(sample.Runs.Select(r => (r.Name, r.Error, r.Skipped)), back.Runs.Select(r => (r.Name, r.Error, r.Skipped)));
        Assert.False(back.Succeeded);

        string foreign = sample.ToJson().Replace($"\"schema\": {BenchResults.SchemaVersion}", "\"schema\": 99", StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => BenchResults.FromJson(foreign));
    }

    [Fact]
    public void Results_markdown_shows_units_ratios_and_a_dash_for_what_was_not_measured()
    {
        string md = Sample().ToMarkdown();
        Assert.Contains("| Command | Completion | Send (instr) |", md);
        Assert.Contains("| BASE PROTOCOL_VERSION | irq | – | – | – | 6,672 |", md);
        // 64 µs against 32 µs on the null platform: ratio 2.00.
        Assert.Contains("| BASE PROTOCOL_VERSION | irq | 64.0 | 80.0 | – | 32.0 | – | 2.00 |", md);
        Assert.Contains("| 8 | 12,436 | – | – | – | – | – | – | – | – | – |", md);
        // 2,000 kicks over 2,000 commands against 500 with EVENT_IDX; 24,000 against 36,000 commands/s.
        Assert.Contains("| whole pool (–) | 24,000 | – | – | – | 36,000 | – | 1.00 | – | 0.25 | – |", md);
        Assert.Contains("| notification path: every kick → EVENT_IDX | throughput, whole pool, irq (commands/s) | 24,000 | 36,000 | 1.50 |", md);
        Assert.Contains("| notification path: every kick → EVENT_IDX | kicks per command, whole pool, irq | 1.00 | 0.25 | 0.25 |", md);
        Assert.Contains("EVENT_IDX negotiated in the EVENT_IDX run: yes.", md);
        Assert.Contains("## Latency (µs per round trip, wall clock)", md);
        Assert.Contains("| timing | latency | 2.2 | bench-error: latency round trip failed |", md);
        Assert.Contains("| linux.null | Linux guest, null platform | 0.4 | skipped: Linux guest unavailable: no apt-get |", md);
        // Linux 160 µs against our 64 µs at p50 (2.50), 240 against 80 at p90 (3.00).
        Assert.Contains("| BASE PROTOCOL_VERSION | 64.0 | 80.0 | – | 160.0 | 240.0 | – | 2.50 | 3.00 | 32.0 | – | – |", md);
        Assert.Contains("| agent: Linux raw mode → ours (irq) | latency p50, BASE (µs) | 160.0 | 64.0 | 0.40 |", md);
        Assert.DoesNotContain("| SENSOR READING_GET | 64.0", md);
        Assert.Contains("262144 flash", md);
        Assert.Contains("| firmware/App, thread stack | 1,872 | 65,536 |", md);
        Assert.DoesNotContain("exception stack", md);
    }

    [Fact]
    public void The_latency_plot_is_a_png_with_one_group_per_measured_configuration()
    {
        string png = Path.Combine(Path.GetTempPath(), $"nf-bench-{Guid.NewGuid():N}.png");
        try
        {
            // BASE by interrupt against the model and the null platform, and Linux's against the model.
            Assert.Equal(3, BenchPlot.WriteLatency(Sample(), png));
            byte[] bytes = File.ReadAllBytes(png);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);

            string none = png + ".none.png";
            Assert.Equal(0, BenchPlot.WriteLatency(new BenchResults(false, DateTimeOffset.UnixEpoch, "h"), none));
            Assert.False(File.Exists(none));
        }
        finally
        {
            File.Delete(png);
        }
    }
}
