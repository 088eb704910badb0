// 16-bit free-running index arithmetic: distance, slots and the event-index test, at and around the wrap.
using FsCheck;
using FsCheck.Fluent;

namespace Virtio.Tests;

public class RingIndexTests
{
    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(0, 5, 5)]
    [InlineData(65535, 0, 1)]
    [InlineData(65530, 4, 10)]
    [InlineData(5, 0, 65531)]
    public void Distance_wraps_at_65536(int from, int to, int expected) =>
        Assert.Equal((ushort)expected, RingIndex.Distance((ushort)from, (ushort)to));

    [Theory]
    [InlineData(65535, 8, 7)]
    [InlineData(65536 - 8, 8, 0)]
    [InlineData(3, 256, 3)]
    public void Slot_is_the_index_modulo_the_size(int index, int size, int slot) =>
        Assert.Equal(slot, RingIndex.Slot((ushort)index, (ushort)size));

    [Fact]
    public void With_used_event_zero_the_first_and_the_65537th_use_notify_as_the_spec_example_says()
    {
        // §2.7.7.2 note: "if used_event is 0, then a device using VIRTIO_F_EVENT_IDX would send a used buffer
        // notification to the driver after the first buffer is used (and again after the 65536th buffer, etc)".
        var notified = new List<int>();
        ushort index = 0;
        for (int n = 1; n <= 65537 + 1; n++)
        {
            ushort old = index;
            index++;
            if (RingIndex.CrossedEvent(0, index, old))
                notified.Add(n);
        }
        Assert.Equal(new[] { 1, 65537 }, notified);
    }

    [Theory]
    [InlineData(10, 11, 10, true)]   // exactly the event entry written
    [InlineData(10, 10, 9, false)]   // not reached yet
    [InlineData(10, 15, 5, true)]    // batch covering it
    [InlineData(10, 15, 11, false)]  // batch entirely past it
    [InlineData(65535, 2, 65534, true)] // across the wrap
    [InlineData(1, 2, 65534, true)]
    [InlineData(3, 2, 65534, false)]
    public void Crossed_event_matches_the_spec_rule(int eventIndex, int newIndex, int oldIndex, bool expected) =>
        Assert.Equal(expected, RingIndex.CrossedEvent((ushort)eventIndex, (ushort)newIndex, (ushort)oldIndex));

    [Fact]
    public void Crossed_event_equals_a_wide_integer_model_for_any_move_of_at_most_32768()
    {
        // Reference: with unwrapped positions, the move old -> new (at most half the index space) crosses the
        // event when one of the entries old .. new-1 is the event entry modulo 65536.
        Prop.ForAll(ArbMap.Default.ArbFor<ushort>(), ArbMap.Default.ArbFor<ushort>(), ArbMap.Default.ArbFor<ushort>(), (ushort eventIndex, ushort oldIndex, ushort stepSeed) =>
        {
            int step = stepSeed % 32769;
            ushort newIndex = (ushort)(oldIndex + step);
            bool model = false;
            for (int k = 0; k < step; k++)
                model |= (ushort)(oldIndex + k) == eventIndex;
            return model == RingIndex.CrossedEvent(eventIndex, newIndex, oldIndex);
        }).QuickCheckThrowOnFailure();
    }
}
