// The SCMI platform daemon as one boot's child (tools/Nf.Processes PlatformDaemon) and the host resources of
// one boot (BootResources): listening before start returns, stopped and cleaned up after, failures reported.
using Nf.Processes;
using Nf.Qemu;
using Nf.Repository;
using Xunit;

namespace Nf.Tests;

public class PlatformDaemonTests
{
    private static readonly RepoLayout Layout = RepoLayout.Find();
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_daemon_listens_before_start_returns_and_is_gone_after_dispose()
    {
        string socket;
        string directory;
        int pid;
        await using (PlatformDaemon daemon = await PlatformDaemon.StartAsync(Layout.DaemonDll, [], Ready))
        {
            socket = daemon.SocketPath;
            pid = daemon.Id;
            directory = Path.GetDirectoryName(socket)!;
            Assert.True(File.Exists(socket), "the socket should exist once StartAsync returns");
            Assert.True(Path.GetFullPath(socket).Length < 108, "unix socket paths are limited to 108 bytes");
            Assert.Contains(PlatformDaemon.ListeningPrefix + socket, daemon.Stdout);
        }
        Assert.False(Directory.Exists(directory), "the socket's folder should be removed");
        Assert.False(ProcessIsAlive(pid), "the daemon should be gone");
    }

    [Fact]
    public async Task Stopping_with_SIGTERM_ends_the_daemon_cleanly_and_frees_a_socket_the_caller_chose()
    {
        string folder = Directory.CreateTempSubdirectory("nf-sock-").FullName;
        try
        {
            string socket = Path.Combine(folder, "mine.sock");
            await using PlatformDaemon daemon = await PlatformDaemon.StartAsync(Layout.DaemonDll, ["--seed", "3"], Ready, socket);

            Assert.Equal(socket, daemon.SocketPath);
            Assert.Equal(0, await daemon.StopAsync(TimeSpan.FromSeconds(10)));
            Assert.False(File.Exists(socket), "the daemon removes its socket on SIGTERM");
            Assert.True(Directory.Exists(folder), "a folder the caller chose is the caller's");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_daemon_that_exits_at_once_is_reported_with_its_output()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            PlatformDaemon.StartAsync(Layout.DaemonDll, ["--no-such-option"], Ready));

        Assert.Contains("exited with 2", error.Message);
        Assert.Contains("scmi-platform:", error.Message);
    }

    [Fact]
    public async Task A_missing_daemon_build_is_named()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            PlatformDaemon.StartAsync("/nonexistent/scmi-platform.dll", [], TimeSpan.FromSeconds(5)));

        Assert.Contains("not built", error.Message);
    }

    [Fact]
    public async Task Two_scmi_devices_get_two_daemons_on_their_own_sockets_and_blk_a_scratch_disk_all_released_after()
    {
        IReadOnlyDictionary<string, string> sockets;
        string scratch;
        await using (BootResources resources = await BootResources.StartAsync(
                         [DeviceKeys.Rng, DeviceKeys.Scmi, DeviceKeys.Scmi2, DeviceKeys.Blk], Layout.DaemonDll, ["--seed", "5"], Ready))
        {
            sockets = resources.Sockets;
            scratch = resources.Scratch!;
            Assert.Equal([DeviceKeys.Scmi, DeviceKeys.Scmi2], sockets.Keys.Order());
            Assert.NotEqual(sockets[DeviceKeys.Scmi], sockets[DeviceKeys.Scmi2]);
            Assert.All(sockets.Values, s => Assert.True(File.Exists(s), s));
            Assert.Equal(BootResources.ScratchBytes, new FileInfo(scratch).Length);
            LaunchRequest request = resources.Apply(new LaunchRequest("i.elf") { Devices = [DeviceKeys.Scmi, DeviceKeys.Scmi2] });
            Assert.Equal(sockets, request.Sockets);
        }
        Assert.All(sockets.Values, s => Assert.False(File.Exists(s), s));
        Assert.False(File.Exists(scratch));
    }

    [Fact]
    public async Task A_daemon_that_cannot_start_is_reported_and_leaves_nothing_running()
    {
        int before = DaemonsRunning();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            BootResources.StartAsync([DeviceKeys.Scmi, DeviceKeys.Scmi2], Layout.DaemonDll, ["--seed", "not-a-number"], Ready));

        Assert.Contains("--seed needs an integer", error.Message);
        Assert.Equal(before, DaemonsRunning());
    }

    internal static bool ProcessIsAlive(int pid) => Directory.Exists($"/proc/{pid}") && !IsZombie(pid);

    private static bool IsZombie(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }

    // Daemons this test process started: children of this process whose command line names scmi-platform.dll.
    private static int DaemonsRunning() =>
        Directory.EnumerateDirectories("/proc").Count(d =>
        {
            try
            {
                return int.TryParse(Path.GetFileName(d), out _)
                       && File.ReadAllText(Path.Combine(d, "cmdline")).Contains(PlatformDaemon.DllName, StringComparison.Ordinal)
                       && File.ReadAllText(Path.Combine(d, "stat")).Split(' ')[3] == Environment.ProcessId.ToString();
            }
            catch (IOException)
            {
                return false;
            }
        });
}
