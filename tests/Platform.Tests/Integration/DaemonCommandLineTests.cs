// The scmi-platform command line: parsing, and the real binary's capabilities and usage output.
using System.Diagnostics;
using System.Text.Json;
using Nf.Processes;
using ScmiPlatform.Daemon;
using Xunit;

namespace Platform.Tests.Integration;

public sealed class DaemonCommandLineTests
{
    [Theory]
    [InlineData("--socket-path", "/tmp/a.sock")]
    [InlineData("--socket-path=/tmp/a.sock")]
    public void Socket_path_is_accepted_in_both_spellings(params string[] args)
    {
        DaemonOptions? options = DaemonOptions.Parse(args, out string? error);
        Assert.Null(error);
        Assert.Equal("/tmp/a.sock", options!.SocketPath);
    }

    [Fact]
    public void Platform_trace_and_repeated_faults_are_passed_on_in_order()
    {
        DaemonOptions? options = DaemonOptions.Parse(
            ["--socket-path", "s", "--platform=p.json", "--trace", "--fault", "a", "--fault=b"], out _);
        Assert.Equal("p.json", options!.PlatformFile);
        Assert.True(options.Trace);
        Assert.Equal(["a", "b"], options.Faults);
    }

    [Theory]
    [InlineData(new string[0], "--socket-path is required")]
    [InlineData(new[] { "--socket-path" }, "--socket-path needs a path")]
    [InlineData(new[] { "--socket-path", "s", "--bogus" }, "unknown argument '--bogus'")]
    public void Bad_command_lines_are_refused_with_a_reason(string[] args, string reason)
    {
        Assert.Null(DaemonOptions.Parse(args, out string? error));
        Assert.Equal(reason, error);
    }

    [Fact]
    public void Print_capabilities_prints_the_vhost_user_device_type()
    {
        (int exit, string stdout) = RunDaemon("--print-capabilities");
        Assert.Equal(0, exit);
        using JsonDocument json = JsonDocument.Parse(stdout);
        Assert.Equal("scmi", json.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public void Missing_socket_path_exits_2_with_usage()
    {
        (int exit, _) = RunDaemon();
        Assert.Equal(2, exit);
        (exit, string help) = RunDaemon("--help");
        Assert.Equal(0, exit);
        Assert.Contains("--socket-path PATH", help);
    }

    private static (int Exit, string Stdout) RunDaemon(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "scmi-platform.dll"));
        foreach (string arg in args)
            info.ArgumentList.Add(arg);
        using Process process = Process.Start(info)!;
        string stdout = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(30_000), "daemon did not exit");
        return (process.ExitCode, stdout);
    }

    [Theory]
    [InlineData(2)]  // SIGINT
    [InlineData(15)] // SIGTERM
    public async Task A_stop_signal_ends_the_daemon_with_exit_0_and_removes_the_socket(int signal)
    {
        string folder = Directory.CreateTempSubdirectory("scmi-sig-").FullName;
        try
        {
            string socket = Path.Combine(folder, "scmi.sock");
            await using PlatformDaemon daemon = await PlatformDaemon.StartAsync(PlatformDaemon.DefaultDll, [], TimeSpan.FromSeconds(30), socket);
            Assert.Equal(0, await daemon.StopAsync(TimeSpan.FromSeconds(10), signal));
            Assert.False(File.Exists(socket));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
