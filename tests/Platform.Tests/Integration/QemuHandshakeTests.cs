// End to end: the real daemon, QEMU 10's vhost-user-scmi, and a trivial AArch64 guest, twice on one daemon.
using System.Text;
using Nf.Processes;
using Nf.Qemu;
using Nf.Results;
using Xunit;
using Xunit.Abstractions;

namespace Platform.Tests.Integration;

public sealed class QemuHandshakeTests(ITestOutputHelper output)
{
    private static readonly TimeSpan QemuLimit = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("scmi-guest.elf", true)]          // modern virtio-mmio (version 2), VERSION_1 negotiated
    [InlineData("scmi-guest-legacy.elf", false)]  // QEMU's default legacy layout (version 1)
    public async Task Guest_handshake_reaches_both_vring_kicks_gets_a_reply_and_a_second_qemu_is_served_too(string imageName, bool modern)
    {
        string image = Path.Combine(AppContext.BaseDirectory, "guest", imageName);
        Assert.True(File.Exists(image), $"guest image missing: {image} (needs aarch64-linux-gnu-as/ld)");
        string folder = Directory.CreateTempSubdirectory("scmi-it-").FullName;
        string socket = Path.Combine(folder, "scmi.sock");
        File.WriteAllText(socket, "stale"); // the daemon must remove a stale file at start
        try
        {
            await using PlatformDaemon daemon = await PlatformDaemon.StartAsync(PlatformDaemon.DefaultDll, ["--trace"], TimeSpan.FromSeconds(30), socket);

            LaunchProfile profile = LaunchProfile.Load(LaunchProfile.FindRepoRoot());
            var request = new LaunchRequest(image) { Devices = ["scmi"], Modern = modern, Socket = socket };
            for (int run = 1; run <= 2; run++)
            {
                var console = new StringBuilder();
                ImageRunOutcome outcome = await QemuProcess.RunAsync(profile.Binary, profile.Arguments(request), QemuLimit,
                    line => console.AppendLine(line));
                output.WriteLine($"--- QEMU run {run}: exit {outcome.ExitCode} in {outcome.Elapsed.TotalSeconds:F1} s\n{console}");
                Assert.False(outcome.TimedOut, $"QEMU run {run} timed out\n{console}\n{daemon.Stderr}");
                Assert.Equal(0, outcome.ExitCode);
                string text = console.ToString();
                Assert.Contains("scmi-guest: device ready", text);
                // The header echo was checked by the guest; SUCCESS means the SCMI model answered BASE PROTOCOL_VERSION.
                Assert.Contains("scmi-guest: reply status 0x00000000", text);
                Assert.Contains("scmi-guest: done", text);
                Assert.True(await Eventually(() => Count(daemon.Stderr, "frontend disconnected") == run), "daemon did not see the disconnect");
            }

            string trace = daemon.Stderr;
            output.WriteLine("--- daemon\n" + trace);
            Assert.Equal(2, Count(trace, "VHOST_USER_SET_VRING_KICK queue 0"));
            Assert.Equal(2, Count(trace, "VHOST_USER_SET_VRING_KICK queue 1"));
            Assert.Equal(2, Count(trace, "VHOST_USER_GET_VRING_BASE queue 0 -> 1"));
            Assert.Contains("frontend connected (connection 2)", trace);
            Assert.DoesNotContain("warning:", trace);
            Assert.Equal(0, await daemon.StopAsync(TimeSpan.FromSeconds(10)));
            Assert.False(File.Exists(socket), "the daemon leaves no socket file behind");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int Count(string text, string what)
    {
        int count = 0;
        for (int at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
            count++;
        return count;
    }

    private static async Task<bool> Eventually(Func<bool> condition)
    {
        for (int i = 0; i < 200 && !condition(); i++)
            await Task.Delay(25);
        return condition();
    }
}
