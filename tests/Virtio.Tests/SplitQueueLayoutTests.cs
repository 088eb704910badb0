// Ring layout arithmetic against the spec's table (§2.7) and the legacy formula (§2.7.2).
namespace Virtio.Tests;

public class SplitQueueLayoutTests
{
    // The spec's legacy sizing function, transcribed with qalign as the alignment (its ALIGN macro adds
    // the alignment minus one and masks).
    private static int SpecLegacyQueueBytes(int queueSize, int alignment)
    {
        int Align(int x) => (x + alignment - 1) & ~(alignment - 1);
        return Align(16 * queueSize + 2 * (3 + queueSize)) + Align(2 * 3 + 8 * queueSize);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(128)]
    [InlineData(256)]
    [InlineData(1024)]
    public void The_legacy_layout_takes_exactly_the_bytes_of_the_spec_formula(int size)
    {
        var layout = new SplitQueueLayout((ushort)size, 4096);
        Assert.Equal(SpecLegacyQueueBytes(size, 4096), layout.TotalBytes);
        Assert.Equal(0, layout.UsedRing % 4096);
        Assert.Equal(16 * size, layout.AvailableRing);
    }

    [Fact]
    public void Part_sizes_match_the_table_of_2_7()
    {
        var layout = new SplitQueueLayout(256, 4);
        Assert.Equal(6 + 2 * 256, layout.AvailableRingBytes);
        Assert.Equal(6 + 8 * 256, layout.UsedRingBytes);
        Assert.Equal(layout.AvailableRing + 4 + 2 * 256, layout.UsedEvent);
        Assert.Equal(layout.UsedRing + 4 + 8 * 256, layout.AvailEvent);
        Assert.Equal(0, layout.UsedRing % 4);
    }
}
