// The SMP image's atomics are what the four-CPU races rely on: inline acquire/release exclusive pairs with their
// barrier at every Interlocked site (ARMv8.0: -cpu cortex-a57 has no LSE), acquire loads for Volatile.Read, and
// the console line lock in the shim built the same way.
namespace Image.Tests;

public class SmpAtomicsTests
{
    private const string Suite = "Runtime_Smp_Tests_Runtime_Smp_Tests_";

    [Fact]
    public void Every_atomic_site_in_the_SMP_image_is_a_complete_exclusive_pair_with_its_barrier()
    {
        BuiltImage image = BuiltImage.Smp;
        var sites = image.Functions.Where(f => !f.Key.StartsWith("nano_atomic_", StringComparison.Ordinal) && ExclusiveSites.Count(f.Value) > 0).ToList();
        Assert.True(sites.Sum(f => ExclusiveSites.Count(f.Value)) >= 20, $"only {sites.Count} functions with atomic sites in {image.Path}");
        var violations = sites.SelectMany(f => ExclusiveSites.Violations(f.Value).Select(v => $"{f.Key}: {v}")).ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    // Each racing worker holds its atomics inline: the on-target races exercise the exclusives themselves,
    // not a call into the shim's fallbacks.
    [Theory]
    [InlineData("CounterTests__Increment", 1)]
    [InlineData("CounterTests__AddWide", 1)]
    [InlineData("CounterTests__CompareExchangeAddOne", 1)]
    [InlineData("LockFreeStackTests__Pop", 1)]
    [InlineData("LockFreeStackTests__Push", 1)]
    [InlineData("LockFreeStackTests__PopOwnPush", 2)]
    [InlineData("SlotStateMachineTests__TryProduce", 2)]
    [InlineData("SlotStateMachineTests__TryConsume", 2)]
    public void Each_racing_worker_uses_inline_exclusive_pairs(string worker, int minimumSites)
    {
        List<Instruction> body = BuiltImage.Smp.Function(Suite + worker);
        Assert.True(ExclusiveSites.Count(body) >= minimumSites, $"{worker}: {ExclusiveSites.Count(body)} atomic site(s), expected at least {minimumSites}");
        Assert.Empty(ExclusiveSites.Violations(body));
        Assert.DoesNotContain(body, i => i.Mnemonic == "bl" && i.Target!.StartsWith("nano_atomic_", StringComparison.Ordinal));
    }

    // System.Threading.Volatile: "the volatile field modifier makes the JIT emit ordered loads" — an acquire load.
    [Fact]
    public void Every_out_of_line_Volatile_Read_is_an_acquire_load()
    {
        var reads = BuiltImage.Smp.Functions.Where(f => f.Key.StartsWith("Nano_CoreLib_System_Threading_Volatile__Read", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(reads);
        foreach (var read in reads)
            Assert.True(read.Value.Any(i => i.Mnemonic.StartsWith("ldar", StringComparison.Ordinal)), $"{read.Key} has no ldar: {string.Join("; ", read.Value)}");
    }

    // boards/qemu-virt/shim.S nano_uart_write: the line lock is taken with one exclusive pair and released with stlr.
    [Fact]
    public void The_console_line_lock_is_one_exclusive_pair_released_by_a_store_release()
    {
        List<Instruction> body = BuiltImage.Smp.Function("nano_uart_write");
        Assert.Equal(1, ExclusiveSites.Count(body));
        Assert.Empty(ExclusiveSites.Violations(body));
        Assert.Contains(body, i => i.Text.StartsWith("stlr wzr,", StringComparison.Ordinal));
    }
}
