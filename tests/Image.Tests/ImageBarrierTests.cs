// The built images carry the barriers and exclusive pairs the runtime and the virtqueue promise (checked by disassembly).
namespace Image.Tests;

public class ImageBarrierTests
{
    // boards/qemu-virt/shim.S "Device (MMIO) accesses": reads are followed by a load barrier, writes preceded by
    // a store barrier, both outer-shareable (the device is another observer), like Linux's readX/writeX.
    [Theory]
    [InlineData("nano_mmio_read8", "ldrb w0, [x0]")]
    [InlineData("nano_mmio_read16", "ldrh w0, [x0]")]
    [InlineData("nano_mmio_read32", "ldr w0, [x0]")]
    [InlineData("nano_mmio_read64", "ldr x0, [x0]")]
    public void An_MMIO_read_is_one_load_followed_by_dmb_oshld(string accessor, string load)
    {
        Assert.Equal(new[] { load, "dmb oshld", "ret" }, BuiltImage.Ring.Function(accessor).Select(i => i.Text));
    }

    [Theory]
    [InlineData("nano_mmio_write8", "strb w1, [x0]")]
    [InlineData("nano_mmio_write16", "strh w1, [x0]")]
    [InlineData("nano_mmio_write32", "str w1, [x0]")]
    [InlineData("nano_mmio_write64", "str x1, [x0]")]
    public void An_MMIO_write_is_dmb_oshst_then_one_store(string accessor, string store)
    {
        Assert.Equal(new[] { "dmb oshst", store, "ret" }, BuiltImage.Ring.Function(accessor).Select(i => i.Text));
    }

    // firmware/Nano.Runtime.Native/Barrier.cs and Interlocked.MemoryBarrier: what each entry point promises.
    [Theory]
    [InlineData("nano_barrier_dmb_sy", "dmb sy")]
    [InlineData("nano_barrier_dmb_st", "dmb st")]
    [InlineData("nano_barrier_dmb_ld", "dmb ld")]
    [InlineData("nano_barrier_dsb_sy", "dsb sy")]
    [InlineData("nano_barrier_isb", "isb")]
    [InlineData("nano_barrier_full", "dmb ish")]
    public void Each_barrier_entry_point_is_its_barrier(string entryPoint, string barrier)
    {
        Assert.Equal(new[] { barrier, "ret" }, BuiltImage.Ring.Function(entryPoint).Select(i => i.Text));
    }

    // firmware/Virtio/Queue/SplitQueue.cs: "avail slot then barrier then idx" (virtio 1.3 §2.7.13.3.1).
    [Fact]
    public void PublishAvailIndex_calls_the_store_barrier_before_storing_avail_idx()
    {
        List<Instruction> body = BuiltImage.Ring.Function("Virtio_Virtio_SplitQueue__PublishAvailIndex");
        int barrier = body.FindIndex(i => i.Calls("nano_barrier_dmb_st"));
        int store = body.FindIndex(i => i.Mnemonic == "bl" && i.Target!.Contains("BinaryPrimitives__Write", StringComparison.Ordinal));
        Assert.True(barrier >= 0, "PublishAvailIndex does not call nano_barrier_dmb_st (BarrierMemoryOrdering.StoreStore devirtualised)");
        Assert.True(store >= 0, "PublishAvailIndex does not store avail.idx through BinaryPrimitives.Write");
        Assert.True(barrier < store, $"the store barrier ({body[barrier]}) comes after the avail.idx store ({body[store]})");
    }

    // "used.idx is read before a load-load barrier and the used elements" (§2.7.13, the driver side of §2.7.8.2).
    [Fact]
    public void ReadUsedIndex_loads_used_idx_before_calling_the_load_barrier()
    {
        List<Instruction> body = BuiltImage.Ring.Function("Virtio_Virtio_SplitQueue__ReadUsedIndex");
        int load = body.FindIndex(i => i.Mnemonic == "bl" && i.Target!.Contains("BinaryPrimitives__Read", StringComparison.Ordinal));
        int barrier = body.FindIndex(i => i.Calls("nano_barrier_dmb_ld"));
        Assert.True(load >= 0, "ReadUsedIndex does not load used.idx through BinaryPrimitives.Read");
        Assert.True(barrier >= 0, "ReadUsedIndex does not call nano_barrier_dmb_ld (BarrierMemoryOrdering.LoadLoad devirtualised)");
        Assert.True(load < barrier, $"the load barrier ({body[barrier]}) comes before the used.idx load ({body[load]})");
        Assert.DoesNotContain(body.Skip(barrier + 1), i => i.Mnemonic == "bl" && i.Target!.Contains("BinaryPrimitives__Read", StringComparison.Ordinal));
    }

    // System.Threading.Interlocked: "full-barrier semantics like .NET's Interlocked: acquire/release exclusives plus a trailing dmb".
    [Theory]
    [InlineData("nano_atomic_cas32")]
    [InlineData("nano_atomic_cas64")]
    [InlineData("nano_atomic_swap32")]
    [InlineData("nano_atomic_swap64")]
    [InlineData("nano_atomic_add32")]
    [InlineData("nano_atomic_add64")]
    public void Each_shim_atomic_is_one_exclusive_pair_with_its_trailing_barrier(string entryPoint)
    {
        List<Instruction> body = BuiltImage.Ring.Function(entryPoint);
        Assert.Equal(1, ExclusiveSites.Count(body));
        Assert.Empty(ExclusiveSites.Violations(body));
    }

    [Fact]
    public void Every_inline_Interlocked_site_in_the_corelib_image_is_a_complete_exclusive_pair_with_its_barrier()
    {
        BuiltImage image = BuiltImage.CoreLib;
        var sites = image.Functions.Where(f => !f.Key.StartsWith("nano_atomic_", StringComparison.Ordinal) && ExclusiveSites.Count(f.Value) > 0).ToList();
        // InterlockedTests and Interlocked.Or/And expand CompareExchange, Exchange and Add inline.
        Assert.True(sites.Sum(f => ExclusiveSites.Count(f.Value)) >= 10, $"only {sites.Count} functions with atomic sites in {image.Path}");
        var violations = sites.SelectMany(f => ExclusiveSites.Violations(f.Value).Select(v => $"{f.Key}: {v}")).ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
