// The shell through the serial console: ./nf run --script with commands of every protocol, checked line by line.
namespace App.Tests;

/// <summary>One boot for the whole class (a boot costs tens of seconds): the script runs once, each test checks its part.</summary>
public sealed class ShellScriptFixture : IAsyncLifetime
{
    public static readonly string[] Script =
    [
        "help",
        "info",
        "list clock",
        "clock get 3",
        "clock on 3",
        "clock set 3 400MHz",
        "clock set 3 12x",
        "clock get 99",
        "perf limits 0",
        "perf set 0 5",
        "perf set 0 1400",
        "sensor read 0",
        "sensor watch 1 2",
        "sensor trip 0 9 up 1",
        "power set 2 on",
        "power get 2",
        "reset 2",
        "reset 2 hold",
        "voltage set 0 900mV",
        "voltage set 0 nine",
        "cap set 1 2W",
        "raw base 0x3",
        "raw clock 0x3 0x63",
        "raw nope 1",
        "mode poll",
        "clock get 0",
        "mode irq",
        "frobnicate",
        "",
        "stats",
        "exit",
        "info",
    ];

    public ShellRun Run { get; private set; } = null!;

    public async Task InitializeAsync() => Run = await ShellRun.WithScriptFileAsync(Script);

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>The boots run one after another: each ./nf run builds firmware/App first, and two builds at once collide.</summary>
[CollectionDefinition(Name)]
public sealed class FirmwareBoots
{
    public const string Name = "Firmware boots";
}

[Collection(FirmwareBoots.Name)]
public class ShellScriptTests(ShellScriptFixture fixture) : IClassFixture<ShellScriptFixture>
{
    private ShellRun Run => fixture.Run;

    [Fact]
    public void The_script_ends_at_exit_with_code_0_and_later_lines_are_not_run()
    {
        Assert.True(Run.ExitCode == 0, $"exit {Run.ExitCode}\n{Run.Errors}\n{string.Join('\n', Run.Lines)}");
        Assert.Contains("bye", Run.Lines);
        Assert.Equal(1, Run.Lines.Count(l => l == "nf> info"));
    }

    [Fact]
    public void The_inventory_comes_before_the_first_prompt()
    {
        int prompt = Run.Lines.ToList().FindIndex(l => l.StartsWith("nf> ", StringComparison.Ordinal));
        Assert.True(prompt > 0);
        var inventory = Run.Lines.Take(prompt).ToList();
        Assert.Contains(inventory, l => l == "vendor          NfSilicon");
        Assert.Contains(inventory, l => l.StartsWith("clocks: 6", StringComparison.Ordinal));
        Assert.Contains(inventory, l => l.StartsWith("  0   soc-temperature", StringComparison.Ordinal) && l.Contains("°C"));
        Assert.Contains(inventory, l => l.StartsWith("power-cap domains: 2", StringComparison.Ordinal));
        Assert.Contains(inventory, l => l.Contains("heap sealed: "));
    }

    [Fact]
    public void Help_lists_every_command()
    {
        IReadOnlyList<string> help = Run.ReplyTo("help");
        foreach (string command in new[] { "info", "list", "clock", "perf", "sensor", "power", "reset", "voltage", "cap", "raw", "stats", "mode", "exit" })
            Assert.Contains(help, l => l.StartsWith("  " + command, StringComparison.Ordinal));
    }

    [Fact]
    public void Info_shows_vendor_versions_and_protocols()
    {
        IReadOnlyList<string> info = Run.ReplyTo("info");
        Assert.Contains("sub-vendor      QemuVirt", info);
        Assert.Contains(info, l => l.StartsWith("  0x14  clock    2.0", StringComparison.Ordinal));
        Assert.Equal(9, info.Count(l => l.StartsWith("  0x1", StringComparison.Ordinal)));
    }

    [Fact]
    public void Clock_commands_show_rates_in_units_and_refuse_bad_arguments_in_one_line()
    {
        Assert.Equal(8, Run.ReplyTo("list clock").Count);   // count line, header, six clocks
        Assert.Matches(@"^  3   gpu-core\s+off\s+200 MHz\s+200 MHz, 400 MHz", Assert.Single(Run.ReplyTo("clock get 3")));
        Assert.Matches(@"^  3   gpu-core\s+on\s+", Assert.Single(Run.ReplyTo("clock on 3")));
        Assert.Equal(["clock 3 rate 400 MHz"], Run.ReplyTo("clock set 3 400MHz"));
        Assert.Equal(["error: bad rate (e.g. 100MHz, 32.768kHz, 1000) '12x'"], Run.ReplyTo("clock set 3 12x"));
        Assert.Equal(["error: no such domain (ids go from 0 to count-1) '99'"], Run.ReplyTo("clock get 99"));
    }

    [Fact]
    public void Perf_limits_and_levels_and_the_platform_refusal_by_name()
    {
        Assert.Equal(["perf 0 limits 400..1800"], Run.ReplyTo("perf limits 0"));
        Assert.Equal(["error: perf set: OUT_OF_RANGE (platform)"], Run.ReplyTo("perf set 0 5"));
        Assert.Matches(@"^  0   little-cpus\s+1400\s", Assert.Single(Run.ReplyTo("perf set 0 1400")));
    }

    [Fact]
    public void Sensor_readings_have_their_scale_and_unit()
    {
        Assert.Matches(@"^sensor 0 soc-temperature: \d+(\.\d+)? °C$", Assert.Single(Run.ReplyTo("sensor read 0")));
        IReadOnlyList<string> watched = Run.ReplyTo("sensor watch 1 2");
        Assert.Equal(2, watched.Count);
        Assert.All(watched, l => Assert.Matches(@"^sensor 1 big-cluster-temperature: \d+(\.\d+)? °C$", l));
        Assert.Equal(["error: bad trip point (the sensor has fewer) '9'"], Run.ReplyTo("sensor trip 0 9 up 1"));
    }

    [Fact]
    public void Power_reset_voltage_and_cap_change_state_and_show_it()
    {
        Assert.Matches(@"^  2   gpu\s+on$", Assert.Single(Run.ReplyTo("power set 2 on")));
        Assert.Matches(@"^  2   gpu\s+on$", Assert.Single(Run.ReplyTo("power get 2")));
        Assert.Equal(["domain 2 reset"], Run.ReplyTo("reset 2"));
        Assert.Equal(["error: unknown reset action (assert, deassert) 'hold'"], Run.ReplyTo("reset 2 hold"));
        Assert.Matches(@"^  0   vdd-cpu\s+900 mV\s+on\s", Assert.Single(Run.ReplyTo("voltage set 0 900mV")));
        Assert.Single(Run.ReplyTo("voltage set 0 nine"), l => l.StartsWith("error: bad level", StringComparison.Ordinal));
        Assert.Matches(@"^  1   big-cpus\s+2 W\s+500 mW \.\. 8 W", Assert.Single(Run.ReplyTo("cap set 1 2W")));
    }

    [Fact]
    public void Raw_prints_the_status_name_and_the_return_words()
    {
        Assert.Equal(["status SUCCESS (0), 16 bytes", "  0x6953664E 0x6F63696C 0x0000006E 0x00000000"], Run.ReplyTo("raw base 0x3"));
        Assert.Equal(["status NOT_FOUND (-4), 0 bytes"], Run.ReplyTo("raw clock 0x3 0x63"));
        Assert.Equal(["error: unknown protocol 'nope'"], Run.ReplyTo("raw nope 1"));
    }

    [Fact]
    public void Mode_switches_between_polling_and_interrupts_and_stats_counts_both()
    {
        Assert.Equal(["mode poll"], Run.ReplyTo("mode poll"));
        Assert.Single(Run.ReplyTo("clock get 0"));
        Assert.Equal(["mode irq"], Run.ReplyTo("mode irq"));
        IReadOnlyList<string> stats = Run.ReplyTo("stats");
        ulong Counter(string name) => ulong.Parse(stats.First(l => l.StartsWith("  " + name + " ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1]);
        Assert.True(Counter("  polled") > 0, "polled commands counted");
        Assert.True(Counter("  by interrupt") > 0, "interrupt commands counted");
        Assert.Equal(Counter("sent"), Counter("completed") + Counter("failed") + Counter("timed out") + Counter("not sent"));
        Assert.Equal(0UL, Counter("console dropped"));
    }

    [Fact]
    public void Unknown_commands_get_one_error_line_and_empty_lines_nothing()
    {
        Assert.Equal(["error: unknown command (try help) 'frobnicate'"], Run.ReplyTo("frobnicate"));
        Assert.Empty(Run.ReplyTo(""));
        Assert.DoesNotContain(Run.Lines, l => l.Contains("PANIC"));
    }
}

[Collection(FirmwareBoots.Name)]
public class ShellStdinTests
{
    [Fact]
    public async Task Stdin_that_is_not_a_terminal_feeds_the_shell_and_its_end_exits_0()
    {
        ShellRun run = await ShellRun.WithStdinAsync(["info", "clock get 1"]);
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.Errors}\n{string.Join('\n', run.Lines)}");
        Assert.Contains("vendor          NfSilicon", run.ReplyTo("info"));
        Assert.Matches(@"^  1   cpu-little-pll\s+on\s+1 GHz", Assert.Single(run.ReplyTo("clock get 1")));
        Assert.Contains("end of input, bye", run.Lines);
    }
}

[Collection(FirmwareBoots.Name)]
public class ShellTypeAheadTests
{
    [Fact]
    public async Task A_line_typed_before_the_receiver_starts_runs_once_at_the_first_prompt()
    {
        // The first line reaches the PL011 while the image boots, before ConsoleReceiver.Start: its receive
        // interrupt is already pending then, and must still fire (boards/qemu-virt/ConsoleReceiver.cs).
        ShellRun run = await ShellRun.WithScriptFileAsync(["info", "clock get 1", "exit"], typeAhead: true);
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.Errors}\n{string.Join('\n', run.Lines)}");
        Assert.Equal(1, run.Lines.Count(l => l == "nf> info"));
        Assert.Contains("vendor          NfSilicon", run.ReplyTo("info"));
        Assert.Matches(@"^  1   cpu-little-pll\s+on\s+1 GHz", Assert.Single(run.ReplyTo("clock get 1")));
        Assert.Contains("bye", run.Lines);
    }
}
