// The host side's reading of what guest/init prints, checked on fixed text (no boot needed).
using Interop.Tests.Boot;
using Xunit;

namespace Interop.Tests;

public sealed class LinuxConsoleParsingTests
{
    [Fact]
    public void LinuxConsoleSectionsAreSplitAtTheirMarkers()
    {
        var console = new GuestConsole([
            "[    0.1] booting", GuestConsole.UpMarker, "@@nf begin hwmon", "/sys/class/hwmon/hwmon0/temp1_input 45000 ",
            "@@nf end hwmon", "stray line", "@@nf begin dmesg", "[    0.2] arm-scmi: hello", "@@nf end dmesg", GuestConsole.DoneMarker]);
        Assert.True(console.ReachedInit);
        Assert.True(console.Finished);
        Assert.Equal("45000", console.Files("hwmon")["/sys/class/hwmon/hwmon0/temp1_input"]);
        Assert.Equal(["[    0.2] arm-scmi: hello"], console.KernelLog);
        Assert.False(console.HasSection("raw"));
        Assert.Throws<InvalidOperationException>(() => console.Section("raw"));
    }

    [Fact]
    public void LinuxConsoleWithoutMarkersNeverReachedInit()
    {
        var console = new GuestConsole(["Kernel panic - not syncing: VFS: Unable to mount root fs"]);
        Assert.False(console.ReachedInit);
        Assert.False(console.Finished);
    }

    [Fact]
    public void LinuxRawLinesCarryReplyDelayedResponseAndNotification()
    {
        RawExchange plain = RawExchange.Parse("raw 0000-base.version rc=0 reply=004004000000000000000200")!;
        Assert.Equal(0u, (uint)plain.Status!);
        Assert.Equal(0x0004_4000u, plain.Header);
        Assert.Equal(4, plain.Payload.Length);

        RawExchange async = RawExchange.Parse("raw 0164-clock.2.rate-set.async rc=0 reply=0550940200000000 delayed=0552940200000000")!;
        Assert.Equal(Convert.FromHexString("0552940200000000"), async.Delayed);

        RawExchange silent = RawExchange.Parse("raw 0073-power.0.state-set.off.notify rc=0 reply=none notification=none")!;
        Assert.Null(silent.Reply);
        Assert.Null(silent.Status);
        Assert.Null(silent.Notification);

        Assert.Null(RawExchange.Parse("raw-error 0102"));
        Assert.Null(RawExchange.Parse("burst reply=0140a00f00000000"));
    }

    [Fact]
    public void LinuxWriteLinesKeepExitCodeAndReadback()
    {
        GuestWrite write = GuestWrite.Parse("write /sys/kernel/debug/clk/cpu-little-pll/clk_rate 1800000000 rc=0 readback=1800000000 ")!;
        Assert.Equal(0, write.ExitCode);
        Assert.Equal("1800000000", write.Readback);
        GuestWrite failed = GuestWrite.Parse("write /sys/devices/system/cpu/cpufreq/policy0/scaling_setspeed 1 rc=1 readback=400000")!;
        Assert.Equal(1, failed.ExitCode);
        Assert.Null(GuestWrite.Parse("writes are done"));
    }

    [Fact]
    public void LinuxClkSummaryRowsSkipHeadersAndConsumers()
    {
        IReadOnlyList<ClkSummaryRow> rows = ClkSummaryRow.Parse([
            "   clock                          count    count    count        rate   accuracy phase  cycle    enable   consumer",
            " cpu-little-pll                      1       1        0        1000000000  0          0     50000      Y   deviceless   no_connection_id",
            "                                                                                                           9000000.pl011  apb_pclk"]);
        ClkSummaryRow row = Assert.Single(rows);
        Assert.Equal(("cpu-little-pll", 1, 1000000000ul), (row.Name, row.EnableCount, row.Rate));
    }

    [Fact]
    public void LinuxScmiDeviceLinesNameTheirProtocolNode()
    {
        Assert.Equal(new ScmiDevice("scmi_dev.6", 0x14, "scmi-clocks"), ScmiDevice.Parse("scmi_dev.6 node=protocol@14 driver=scmi-clocks"));
        Assert.Null(ScmiDevice.Parse("scmi_dev.1 node=scmi driver=none"));
    }
}
