// SIGTERM ends the daemon within a bounded time with exit 0, whatever the connected frontend is doing.
using Nf.Processes;
using System.Diagnostics;
using Platform.Tests.Doubles;
using ScmiPlatform.VhostUser;
using Xunit;

namespace Platform.Tests.Daemon;

public sealed class DaemonShutdownTests
{
    /// <summary>What the README promises: exit 0 within this long after SIGTERM (the daemon's own bound is 2 s).</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Sigterm_while_the_frontend_is_stopped_mid_message_exits_0_promptly()
    {
        await WithDaemon(async (daemon, frontend) =>
        {
            frontend.RequestU64(VhostUserRequest.GetFeatures);
            // Half a header: the daemon is now waiting for the rest of the message.
            frontend.SendRawBytes(new byte[6]);
            Thread.Sleep(200);
            await AssertStopsPromptly(daemon);
        });
    }

    [Fact]
    public async Task Sigterm_while_the_frontend_does_not_read_its_replies_exits_0_promptly()
    {
        await WithDaemon(async (daemon, frontend) =>
        {
            var flooding = new Thread(() =>
            {
                try
                {
                    while (true)
                        frontend.Send(VhostUserRequest.GetFeatures, []); // replies are never read
                }
                catch (IOException)
                {
                    // the daemon went away: done
                }
            })
            { IsBackground = true };
            flooding.Start();
            // Wait until both socket buffers are full: the daemon is then stuck writing a reply.
            Thread.Sleep(1500);
            await AssertStopsPromptly(daemon);
        });
    }

    [Fact]
    public async Task Sigterm_with_a_quiet_connected_frontend_exits_0_promptly()
    {
        await WithDaemon(async (daemon, frontend) =>
        {
            frontend.RequestU64(VhostUserRequest.GetFeatures);
            await AssertStopsPromptly(daemon);
        });
    }

    [Fact]
    public async Task Sigterm_exits_0_every_time_however_quickly_the_server_stops()
    {
        // The server stops at once here, so Main returns while the shutdown deadline thread is still starting:
        // nothing it waits on may be disposed under it (an exception there aborts the process, exit 134).
        for (int run = 0; run < 6; run++)
        {
            await WithDaemon(async (daemon, frontend) =>
            {
                frontend.RequestU64(VhostUserRequest.GetFeatures);
                await AssertStopsPromptly(daemon);
            });
        }
    }

    private static async Task AssertStopsPromptly(PlatformDaemon daemon)
    {
        var clock = Stopwatch.StartNew();
        int? exit = await daemon.StopAsync(Bound);
        Assert.True(exit is not null, $"no exit within {Bound.TotalSeconds} s of SIGTERM\n{daemon.Stderr}");
        Assert.Equal(0, exit);
        Assert.Contains("SIGTERM: stopping", daemon.Stderr);
        Assert.False(File.Exists(daemon.SocketPath), "the socket file must be removed");
        Assert.True(clock.Elapsed < Bound);
    }

    private static async Task WithDaemon(Func<PlatformDaemon, VhostUserFrontendDouble, Task> body)
    {
        string folder = Directory.CreateTempSubdirectory("scmi-stop-").FullName;
        try
        {
            string socket = Path.Combine(folder, "scmi.sock");
            await using PlatformDaemon daemon = await PlatformDaemon.StartAsync(PlatformDaemon.DefaultDll, [], TimeSpan.FromSeconds(30), socket);
            using VhostUserFrontendDouble frontend = VhostUserFrontendDouble.Connect(socket);
            await body(daemon, frontend);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
