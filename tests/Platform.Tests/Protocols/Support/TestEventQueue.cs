// The eventq as the model sees it: P2A on or off, a number of posted buffers of a given size.
using ScmiPlatform.Device;

namespace Platform.Tests.Protocols.Support;

/// <summary>Counts posted buffers and records every delivered message.</summary>
public sealed class TestEventQueue : IEventQueue
{
    private readonly List<byte[]> _delivered = new();

    public TestEventQueue(bool available = true, int buffers = 0, int bufferSize = 128)
    {
        IsAvailable = available;
        Buffers = buffers;
        BufferSize = bufferSize;
    }

    public bool IsAvailable { get; set; }
    public int Buffers { get; set; }
    public int BufferSize { get; set; }
    public IReadOnlyList<byte[]> Delivered { get { lock (_delivered) return _delivered.ToArray(); } }

    public bool TryDeliver(ReadOnlySpan<byte> message)
    {
        lock (_delivered)
        {
            if (!IsAvailable || Buffers == 0 || message.Length > BufferSize) return false;
            Buffers--;
            _delivered.Add(message.ToArray());
            return true;
        }
    }
}
