// Guest RAM for tests: a block of native memory at a chosen guest physical address, fenced by canaries.
using System.Runtime.InteropServices;
using ScmiPlatform.Virtqueue;

namespace Platform.Tests.Doubles;

/// <summary>
/// The driver's view of guest RAM. The bytes live in native memory with a canary band before and after,
/// so a test can prove the device never wrote outside the region (<see cref="CanariesIntact"/>).
/// <see cref="DeviceView"/> gives the device the same bytes through <see cref="GuestMemory"/>, the way the
/// vhost-user layer does after mapping the frontend's memory table.
/// </summary>
public sealed unsafe class GuestRam : IDisposable
{
    public const ulong DefaultBase = 0x4000_0000;
    private const int CanaryBytes = 4096;
    private const byte CanaryValue = 0xA5;
    private readonly byte* _block;
    private readonly bool _ownsBlock;
    private ulong _nextFree;

    /// <summary>Allocates <paramref name="size"/> bytes of zeroed guest RAM at <paramref name="guestBase"/>.</summary>
    public GuestRam(ulong size = 8 << 20, ulong guestBase = DefaultBase)
    {
        Size = size;
        GuestBase = guestBase;
        _block = (byte*)NativeMemory.AllocZeroed((nuint)(size + 2 * CanaryBytes));
        new Span<byte>(_block, CanaryBytes).Fill(CanaryValue);
        new Span<byte>(_block + CanaryBytes + size, CanaryBytes).Fill(CanaryValue);
        HostAddress = (nint)(_block + CanaryBytes);
        _ownsBlock = true;
        _nextFree = guestBase;
    }

    /// <summary>Wraps memory mapped elsewhere (a memfd the test also hands to the vhost-user server); no canaries.</summary>
    public GuestRam(nint hostAddress, ulong size, ulong guestBase)
    {
        Size = size;
        GuestBase = guestBase;
        HostAddress = hostAddress;
        _nextFree = guestBase;
    }

    public ulong Size { get; }
    public ulong GuestBase { get; }
    /// <summary>Where the RAM is in this process; plays the frontend's virtual address in vhost-user tests.</summary>
    public nint HostAddress { get; }

    /// <summary>Hands out <paramref name="bytes"/> of RAM aligned to <paramref name="alignment"/> (never freed).</summary>
    public ulong Allocate(ulong bytes, ulong alignment = 16)
    {
        ulong start = (_nextFree + alignment - 1) & ~(alignment - 1);
        if (start + bytes > GuestBase + Size)
            throw new InvalidOperationException($"guest RAM exhausted ({bytes} bytes asked, {GuestBase + Size - start} left)");
        _nextFree = start + bytes;
        return start;
    }

    /// <summary>The RAM at guest address <paramref name="address"/>; throws when outside (a test bug, not a device one).</summary>
    public Span<byte> At(ulong address, int length)
    {
        if (address < GuestBase || address + (ulong)length > GuestBase + Size)
            throw new ArgumentOutOfRangeException(nameof(address), $"0x{address:x}+{length} is outside the test's guest RAM");
        return new Span<byte>((byte*)HostAddress + (address - GuestBase), length);
    }

    /// <summary>The frontend (host) virtual address of a guest address, as QEMU would put it in SET_VRING_ADDR.</summary>
    public ulong FrontendAddressOf(ulong guestAddress) => (ulong)HostAddress + (guestAddress - GuestBase);

    /// <summary>The device's view: one region over the same bytes (the device does not own them).</summary>
    public GuestMemory DeviceView() =>
        new([new GuestMemoryRegion(GuestBase, Size, (ulong)HostAddress, HostAddress)]);

    /// <summary>True when no byte in the canary bands around the RAM was changed.</summary>
    public bool CanariesIntact()
    {
        if (!_ownsBlock)
            return true;
        return !new Span<byte>(_block, CanaryBytes).ContainsAnyExcept(CanaryValue)
            && !new Span<byte>(_block + CanaryBytes + Size, CanaryBytes).ContainsAnyExcept(CanaryValue);
    }

    public void Dispose()
    {
        if (_ownsBlock)
            NativeMemory.Free(_block);
    }
}
