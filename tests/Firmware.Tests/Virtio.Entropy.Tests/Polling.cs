// Bounded waits: every wait for the device ends, by success or by a failed assertion.
using Nano.Runtime.Native;
using Nano.TestFramework;
using Virtio;

namespace Virtio.Entropy.Tests;

internal static class Polling
{
    /// <summary>How long any single completion may take before the test fails.</summary>
    public const ulong TimeoutMicroseconds = 2_000_000;

    /// <summary>Spins until used.idx differs from <paramref name="snapshot"/>; fails the test on timeout.</summary>
    public static void UntilUsedIndexMoves(SplitQueue queue, ushort snapshot)
    {
        ulong deadline = Clock.Ticks + Clock.MicrosecondsToTicks(TimeoutMicroseconds);
        while (!queue.HasUsedIndexMoved(snapshot))
        {
            if (Clock.Ticks > deadline)
                Assert.Fail("the device did not use the buffer in time");
        }
    }

    /// <summary>Takes one used buffer, waiting for it; fails on timeout or on any rejected element.</summary>
    public static UsedBuffer TakeOne(SplitQueue queue)
    {
        ulong deadline = Clock.Ticks + Clock.MicrosecondsToTicks(TimeoutMicroseconds);
        while (true)
        {
            QueueStatus status = queue.TryTakeUsed(out UsedBuffer used);
            if (status == QueueStatus.Ok)
                return used;
            if (status != QueueStatus.Empty)
            {
                Assert.AreEqual((int)QueueStatus.Ok, (int)status, "used element");
                return used;
            }
            if (Clock.Ticks > deadline)
                Assert.Fail("the device did not use the buffer in time");
        }
    }
}
