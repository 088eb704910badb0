// Both directions of notification suppression (virtio 1.3 §2.7.7, §2.7.10) and the DRIVER_OK rule (§3.1.1).
using Virtio.Tests.Doubles;

namespace Virtio.Tests;

public class NotificationSuppressionTests
{
    [Fact]
    public void Without_event_index_a_kick_notifies_unless_the_device_sets_no_notify()
    {
        var bench = new QueueBench();
        bench.SubmitWritable(bench.Buffer(8), 0);
        Assert.Equal(1, bench.Notifier.Count);

        bench.Device.SetNoNotify(true);
        bench.SubmitWritable(bench.Buffer(8), 1);
        Assert.Equal(1, bench.Notifier.Count);
        Assert.Equal(1ul, bench.Queue.Counters.NotificationsSuppressed);
        Assert.Equal(2, bench.Device.PopAll().Count); // suppressed, still exposed
    }

    [Fact]
    public void A_kick_with_nothing_new_does_not_notify_again()
    {
        var bench = new QueueBench();
        bench.SubmitWritable(bench.Buffer(8), 0);
        Assert.False(bench.Queue.Kick());
        Assert.Equal(1, bench.Notifier.Count);
    }

    [Fact]
    public void With_event_index_the_driver_notifies_exactly_when_avail_idx_passes_avail_event()
    {
        var bench = new QueueBench(size: 8, eventIndex: true);
        bench.Device.SetAvailEvent(2); // notify once the entry at index 2 is written (idx reaches 3)
        Assert.False(SubmitAndKick(bench)); // idx 0 -> 1
        Assert.False(SubmitAndKick(bench)); // 1 -> 2
        Assert.True(SubmitAndKick(bench));  // 2 -> 3 crosses 2
        Assert.False(SubmitAndKick(bench)); // 3 -> 4: the event is behind us
        Assert.Equal(1, bench.Notifier.Count);
    }

    [Fact]
    public void With_event_index_a_batch_crossing_avail_event_notifies_once()
    {
        var bench = new QueueBench(size: 8, eventIndex: true);
        bench.Device.SetAvailEvent(1);
        for (int i = 0; i < 4; i++)
            bench.Queue.SubmitWritable(bench.Buffer(8).All, i, out _);
        Assert.True(bench.Queue.Kick()); // 0 -> 4 covers 1
        Assert.Equal(1, bench.Notifier.Count);
    }

    [Fact]
    public void Disabling_callbacks_sets_no_interrupt_and_the_device_stops_notifying_until_enabled()
    {
        var bench = new QueueBench();
        bench.Queue.DisableCallbacks();
        Assert.Equal(1, bench.Device.AvailFlags);
        bench.SubmitWritable(bench.Buffer(8), 0);
        bench.Device.Complete(bench.Device.TryPop()!, 1);
        Assert.Equal(0, bench.Device.NotificationsRaised);

        Assert.False(bench.Queue.EnableCallbacks()); // a buffer is waiting: look again
        Assert.Equal(0, bench.Device.AvailFlags);
        Assert.Equal(QueueStatus.Ok, bench.Queue.TryTakeUsed(out _));
        Assert.True(bench.Queue.EnableCallbacks());
        bench.SubmitWritable(bench.Buffer(8), 1);
        bench.Device.Complete(bench.Device.TryPop()!, 1);
        Assert.Equal(1, bench.Device.NotificationsRaised);
    }

    [Fact]
    public void With_event_index_disabling_parks_used_event_behind_and_taking_a_buffer_rearms_it()
    {
        var bench = new QueueBench(size: 8, eventIndex: true);
        bench.SubmitWritable(bench.Buffer(8), 0);
        bench.Device.Complete(bench.Device.TryPop()!, 1);
        Assert.Equal(1, bench.Device.NotificationsRaised); // used_event 0 after set-up: the first use notifies
        Assert.Equal(QueueStatus.Ok, bench.Queue.TryTakeUsed(out _));
        Assert.Equal(1, bench.Device.UsedEvent); // re-armed for the next entry

        bench.Queue.DisableCallbacks();
        Assert.Equal(0, bench.Device.AvailFlags); // §2.7.7.1: flags stay 0 with EVENT_IDX
        for (int i = 0; i < 3; i++)
        {
            bench.SubmitWritable(bench.Buffer(8), i);
            bench.Device.Complete(bench.Device.TryPop()!, 1);
        }
        Assert.Equal(1, bench.Device.NotificationsRaised);
        Assert.False(bench.Queue.EnableCallbacks());
    }

    [Fact]
    public void The_race_between_draining_and_enabling_is_caught_by_looking_again()
    {
        // The device completes a buffer after the driver's last empty look but before it re-enables:
        // its notification was suppressed, so only the re-check after enabling can find it.
        var bench = new QueueBench();
        bench.Queue.DisableCallbacks();
        bench.SubmitWritable(bench.Buffer(8), 0);
        Assert.Equal(QueueStatus.Empty, bench.Queue.TryTakeUsed(out _));
        bench.Device.Complete(bench.Device.TryPop()!, 1); // lands in the window
        Assert.Equal(0, bench.Device.NotificationsRaised);
        Assert.False(bench.Queue.EnableCallbacks());
        Assert.Equal(QueueStatus.Ok, bench.Queue.TryTakeUsed(out _));
        Assert.True(bench.Queue.EnableCallbacks());
    }

    [Fact]
    public void Before_driver_ok_a_kick_publishes_but_holds_the_notification_which_goes_out_when_live()
    {
        var bench = new QueueBench(live: false);
        bench.SubmitWritable(bench.Buffer(8), 0);
        Assert.Equal(0, bench.Notifier.Count);
        Assert.Equal(1, bench.Device.Pending); // populated before DRIVER_OK, as §3.1.1 step 7 allows
        bench.Queue.MarkLive();
        Assert.Equal(1, bench.Notifier.Count);
    }

    private static bool SubmitAndKick(QueueBench bench)
    {
        Assert.Equal(QueueStatus.Ok, bench.Queue.SubmitWritable(bench.Buffer(8).All, 0, out _));
        bool notified = bench.Queue.Kick();
        bench.Device.Complete(bench.Device.TryPop()!, 0);
        Assert.Equal(QueueStatus.Ok, bench.Queue.TryTakeUsed(out _));
        return notified;
    }
}
