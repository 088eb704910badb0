// A stop signal to the runner reaches the children it started: `nf platform` killed by pid from a script
// (SIGTERM) or with Ctrl-C (SIGINT) must not leave the SCMI platform daemon running with its socket bound.
using System.Diagnostics;
using System.Net.Sockets;
using Nf.Processes;
using Nf.Qemu;
using Xunit;

namespace Nf.Tests;

public class RunnerSignalTests
{
    [Theory]
    [InlineData(Signals.SigTerm, 0)]
    [InlineData(Signals.SigInt, 0)]
    public async Task A_stopped_nf_platform_stops_its_daemon_and_frees_the_socket(int signal, int expectedExit)
    {
        string folder = Directory.CreateTempSubdirectory("nf-sig-").FullName;
        string socket = Path.Combine(folder, "scmi.sock");
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var printed = new List<string>();
        // The runner as ./nf starts it (./nf execs it), from the repository root.
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = LaunchProfile.FindRepoRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { Path.Combine(AppContext.BaseDirectory, "Nf.dll"), "platform", "--socket-path", socket })
            info.ArgumentList.Add(argument);
        using var runner = new Process { StartInfo = info };
        void Collect(string? line)
        {
            if (line is null)
                return;
            lock (printed)
                printed.Add(line);
            if (line == PlatformDaemon.ListeningPrefix + socket)
                listening.TrySetResult();
        }
        runner.OutputDataReceived += (_, e) => Collect(e.Data);
        runner.ErrorDataReceived += (_, e) => Collect(e.Data);
        try
        {
            runner.Start();
            runner.BeginOutputReadLine();
            runner.BeginErrorReadLine();
            Task first = await Task.WhenAny(listening.Task, runner.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(5)));
            Assert.True(first == listening.Task, "the daemon did not listen:\n" + string.Join('\n', printed));
            int daemon = Assert.Single(ProcessesNaming(socket), pid => pid != runner.Id);

            Assert.True(Signals.Send(runner.Id, signal));
            using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
                await runner.WaitForExitAsync(limit.Token);

            Assert.Equal(expectedExit, runner.ExitCode);
            Assert.False(PlatformDaemonTests.ProcessIsAlive(daemon), $"the daemon (pid {daemon}) outlived the runner");
            Assert.False(File.Exists(socket), "the socket file is left behind");
            using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            Assert.ThrowsAny<SocketException>(() => probe.Connect(new UnixDomainSocketEndPoint(socket)));
        }
        finally
        {
            // Whatever survived a failed run is this test's to end.
            foreach (int pid in ProcessesNaming(socket))
                Signals.Send(pid, 9);
            Directory.Delete(folder, recursive: true);
        }
    }

    // Processes whose command line holds the socket path, which is unique to this test's temp folder.
    private static IReadOnlyList<int> ProcessesNaming(string socket) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out int pid) ? pid : 0)
            .Where(pid => pid > 0 && PlatformDaemonTests.ProcessIsAlive(pid))
            .Where(pid =>
            {
                try { return File.ReadAllText($"/proc/{pid}/cmdline").Contains(socket, StringComparison.Ordinal); }
                catch (IOException) { return false; }
                catch (UnauthorizedAccessException) { return false; }
            })
            .ToList();
}
