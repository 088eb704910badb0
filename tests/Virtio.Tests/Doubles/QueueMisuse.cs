// The host binding of the queue's re-entry report: the target panics, a host test sees an exception.
namespace Virtio;

/// <summary>
/// Host twin of firmware/Virtio/Native/QueueMisuse.cs (excluded from this build): the same message, thrown
/// as <see cref="InvalidOperationException"/> so a test can assert on it.
/// </summary>
internal static class QueueMisuse
{
    public static void Reentered(QueueOperation attempted, QueueOperation running) =>
        throw new InvalidOperationException($"{QueueOperationNames.Of(attempted)} re-entered during {QueueOperationNames.Of(running)}");
}
