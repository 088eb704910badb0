// The host binding of the split queue's re-entry report (firmware/Virtio/Native/QueueMisuse.cs is target-only): an exception.
namespace Virtio;

/// <summary>A second context inside a <see cref="SplitQueue"/> throws here, so a transport test fails loudly.</summary>
internal static class QueueMisuse
{
    public static void Reentered(QueueOperation attempted, QueueOperation running) =>
        throw new InvalidOperationException($"{QueueOperationNames.Of(attempted)} re-entered during {QueueOperationNames.Of(running)}");
}
