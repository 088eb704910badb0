// One chain the device handed back: which head, how many bytes it wrote, and the caller's token.
namespace Virtio;

/// <summary>A completed descriptor chain, after the queue checked it (see <see cref="SplitQueue.TryTakeUsed"/>).</summary>
public readonly struct UsedBuffer
{
    /// <summary>Describes a completed chain.</summary>
    public UsedBuffer(ushort head, uint writtenLength, int token)
    {
        Head = head;
        WrittenLength = writtenLength;
        Token = token;
    }

    /// <summary>Descriptor id of the chain's head, as returned by <see cref="SplitQueue.Submit"/>.</summary>
    public ushort Head { get; }

    /// <summary>Bytes the device wrote into the chain's writable part; never more than that part holds.</summary>
    public uint WrittenLength { get; }

    /// <summary>The token the caller attached when submitting.</summary>
    public int Token { get; }
}
