// Arithmetic on the free-running 16-bit ring indices (virtio 1.3 §2.7.13.3, §2.7.7, §2.7.10).
namespace Virtio;

/// <summary>
/// The avail and used idx fields run freely and wrap at 65536 (virtio 1.3 §2.7.13.3: "idx always
/// increments, and wraps naturally at 65536"); a slot is the index modulo the power-of-two queue size.
/// Every comparison goes through here so the wrap is handled in one place.
/// </summary>
public static class RingIndex
{
    /// <summary>How many entries lie from <paramref name="from"/> up to (excluding) <paramref name="to"/>, modulo 65536.</summary>
    public static ushort Distance(ushort from, ushort to) => (ushort)(to - from);

    /// <summary>The ring slot an index refers to; <paramref name="size"/> is a power of two.</summary>
    public static int Slot(ushort index, ushort size) => index & (size - 1);

    /// <summary>
    /// Whether moving an index from <paramref name="oldIndex"/> to <paramref name="newIndex"/> passed
    /// <paramref name="eventIndex"/>: the peer asked to be notified once the entry at eventIndex is written
    /// (§2.7.7.2 and §2.7.10.1, "until idx ... will reach the value event + 1"). All three wrap at 65536.
    /// </summary>
    public static bool CrossedEvent(ushort eventIndex, ushort newIndex, ushort oldIndex) =>
        (ushort)(newIndex - eventIndex - 1) < (ushort)(newIndex - oldIndex);
}
