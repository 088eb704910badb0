// The used-buffer handler of the interrupt tests: drains requestq in IRQ context and counts what came back.
using Virtio;

namespace Virtio.Entropy.Tests;

/// <summary>
/// Drains the queue on each used-buffer interrupt, re-enables callbacks and looks again before returning
/// (virtio 1.3 §2.7.14), and remembers what it took for the test body to check.
/// </summary>
internal sealed class EntropyCollector : UsedBufferHandler
{
    public volatile int Completions;
    public volatile int Interrupts;
    public volatile int Rejections;
    public volatile int ConfigurationChanges;
    public uint LastLength;
    public int LastToken;

    public override void OnUsedBuffers(SplitQueue queue)
    {
        Interrupts++;
        do
        {
            queue.DisableCallbacks();
            QueueStatus status;
            while ((status = queue.TryTakeUsed(out UsedBuffer used)) != QueueStatus.Empty && status != QueueStatus.Broken)
            {
                if (status != QueueStatus.Ok)
                {
                    Rejections++;
                    continue;
                }
                LastLength = used.WrittenLength;
                LastToken = used.Token;
                Completions++;
            }
        }
        while (!queue.EnableCallbacks());
    }

    public override void OnConfigurationChanged(bool needsReset) => ConfigurationChanges++;

    public void Clear()
    {
        Completions = 0;
        Interrupts = 0;
        Rejections = 0;
        LastLength = 0;
        LastToken = -1;
    }
}
