// A walked descriptor chain: its head, the validated segments, and the first defect found.
using System.Runtime.InteropServices;

namespace ScmiPlatform.Virtqueue;

/// <summary>
/// The result of walking one chain. Reused between walks to avoid allocating per request. When
/// <see cref="Defect"/> is not None, <see cref="Segments"/> holds the descriptors validated before the
/// defect: each lies inside guest memory, so a best-effort error reply into the writable ones is safe.
/// </summary>
public sealed class DescriptorChain
{
    private readonly List<BufferSegment> _segments = new(4);

    /// <summary>The head index as the avail ring gave it (may be out of range when Defect is HeadOutOfRange).</summary>
    public ushort Head { get; private set; }
    public ChainDefect Defect { get; internal set; }
    public IReadOnlyList<BufferSegment> Segments => _segments;
    /// <summary>The segments as a span (valid until the next walk): no enumerator to allocate.</summary>
    public ReadOnlySpan<BufferSegment> SegmentSpan => CollectionsMarshal.AsSpan(_segments);
    public ulong ReadableBytes { get; private set; }
    public ulong WritableBytes { get; private set; }
    public bool IsWellFormed => Defect == ChainDefect.None;

    internal void Reset(ushort head)
    {
        Head = head;
        Defect = ChainDefect.None;
        _segments.Clear();
        ReadableBytes = 0;
        WritableBytes = 0;
    }

    internal void Add(BufferSegment segment)
    {
        _segments.Add(segment);
        if (segment.IsDeviceWritable)
            WritableBytes += segment.Length;
        else
            ReadableBytes += segment.Length;
    }

    /// <summary>Copies the device-readable bytes, in order, into <paramref name="destination"/> (at most its length).</summary>
    public int CopyReadable(GuestMemory memory, Span<byte> destination)
    {
        int copied = 0;
        foreach (BufferSegment segment in _segments)
        {
            if (segment.IsDeviceWritable || copied == destination.Length)
                continue;
            int take = (int)Math.Min(segment.Length, (uint)(destination.Length - copied));
            if (!memory.TryRead(segment.Address, destination.Slice(copied, take)))
                break;
            copied += take;
        }
        return copied;
    }

    /// <summary>The device-writable segments, in order (a snapshot safe to keep after the next walk).</summary>
    public BufferSegment[] WritableSegments() => _segments.Where(s => s.IsDeviceWritable).ToArray();

    /// <summary>Copies <paramref name="source"/> across <paramref name="writable"/>, in order; returns the bytes written.</summary>
    public static int CopyToWritable(GuestMemory memory, ReadOnlySpan<BufferSegment> writable, ReadOnlySpan<byte> source)
    {
        int written = 0;
        foreach (BufferSegment segment in writable)
        {
            if (written == source.Length)
                break;
            // virtio 1.3 §2.7.5.1: "A device MUST NOT write to a device-readable buffer".
            if (!segment.IsDeviceWritable)
                continue;
            int take = (int)Math.Min(segment.Length, (uint)(source.Length - written));
            if (!memory.TryWrite(segment.Address, source.Slice(written, take)))
                break;
            written += take;
        }
        return written;
    }
}
