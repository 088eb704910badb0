// virtio-blk requests as the device reads them (virtio 1.3 §5.2.6): header, data, status.
using System.Buffers.Binary;

namespace Virtio.Block.Tests;

/// <summary>The block request header and status values this suite uses (virtio 1.3 §5.2.6).</summary>
internal static class BlockRequest
{
    /// <summary>Bytes of struct virtio_blk_req's header: le32 type, le32 reserved, le64 sector.</summary>
    public const int HeaderBytes = 16;
    /// <summary>The unit of "sector" and of the capacity field.</summary>
    public const int SectorBytes = 512;

    public const uint TypeIn = 0;   // VIRTIO_BLK_T_IN: read
    public const uint TypeOut = 1;  // VIRTIO_BLK_T_OUT: write

    public const byte StatusOk = 0;     // VIRTIO_BLK_S_OK
    public const byte StatusIoError = 1; // VIRTIO_BLK_S_IOERR

    /// <summary>Offset of le64 capacity (in 512-byte sectors) in the configuration space (§5.2.4).</summary>
    public const int ConfigCapacity = 0;

    /// <summary>Writes a request header for <paramref name="type"/> at <paramref name="sector"/>, little-endian.</summary>
    public static void WriteHeader(System.Span<byte> header, uint type, ulong sector)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(header, type);
        BinaryPrimitives.WriteUInt32LittleEndian(header.Slice(4), 0);
        BinaryPrimitives.WriteUInt64LittleEndian(header.Slice(8), sector);
    }
}
