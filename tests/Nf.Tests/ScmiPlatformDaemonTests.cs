// The runner's handling of the SCMI platform daemon: started on a fresh socket and waited for,
// stopped afterwards, and a daemon that cannot start reported with what it said.
using Nf.Platform;
using Nf.Repository;
using Xunit;

namespace Nf.Tests;

public class ScmiPlatformDaemonTests
{
    private static readonly RepoLayout Layout = RepoLayout.Find();

    [Fact]
    public async Task The_daemon_listens_before_start_returns_and_is_gone_after_dispose()
    {
        string socket;
        string directory;
        await using (ScmiPlatformDaemon daemon = await ScmiPlatformDaemon.StartAsync(Layout.DaemonDll, TimeSpan.FromSeconds(60)))
        {
            socket = daemon.SocketPath;
            directory = Path.GetDirectoryName(socket)!;
            Assert.True(File.Exists(socket), "the socket should exist once StartAsync returns");
            Assert.True(Path.GetFullPath(socket).Length < 108, "unix socket paths are limited to 108 bytes");
        }
        Assert.False(Directory.Exists(directory), "the socket's folder should be removed");
    }

    [Fact]
    public async Task A_daemon_that_exits_at_once_is_reported_with_its_output()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ScmiPlatformDaemon.StartAsync(Layout.DaemonDll, TimeSpan.FromSeconds(60), ["--no-such-option"]));

        Assert.Contains("exited with 2", error.Message);
        Assert.Contains("scmi-platform:", error.Message);
    }

    [Fact]
    public async Task A_missing_daemon_build_is_named()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ScmiPlatformDaemon.StartAsync("/nonexistent/scmi-platform.dll", TimeSpan.FromSeconds(5)));

        Assert.Contains("not built", error.Message);
    }
}
