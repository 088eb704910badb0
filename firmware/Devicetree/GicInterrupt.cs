// Decoding an Arm GIC interrupt specifier (the "arm,gic-400"/"arm,cortex-a15-gic" three-cell binding).
using System;

namespace Devicetree;

/// <summary>
/// The three-cell interrupt specifier of the Arm GIC device-tree binding: type (0 SPI, 1 PPI), number
/// within that type, and trigger flags. QEMU virt's virtio-mmio nodes read &lt;0 16+n 1&gt;: SPI 16+n, edge.
/// </summary>
public static class GicInterrupt
{
    /// <summary>Cells per specifier in this binding.</summary>
    public const int Cells = 3;
    /// <summary>Type cell of a shared peripheral interrupt.</summary>
    public const uint SharedPeripheral = 0;
    /// <summary>Type cell of a private peripheral interrupt.</summary>
    public const uint PrivatePeripheral = 1;
    /// <summary>INTID of SPI 0.</summary>
    public const uint FirstSharedPeripheralId = 32;
    /// <summary>INTID of PPI 0.</summary>
    public const uint FirstPrivatePeripheralId = 16;
    /// <summary>Largest INTID a GICv2 can have (1019; 1020-1023 are special).</summary>
    public const uint MaximumInterruptId = 1019;

    /// <summary>Turns a specifier into a GIC INTID; false for an unknown type or an INTID beyond the GIC's range.</summary>
    public static bool TryDecode(ReadOnlySpan<uint> specifier, out uint interruptId, out bool edgeTriggered)
    {
        interruptId = 0;
        edgeTriggered = false;
        if (specifier.Length != Cells)
            return false;
        uint number = specifier[1];
        uint first;
        uint count;
        if (specifier[0] == SharedPeripheral)
        {
            first = FirstSharedPeripheralId;
            count = MaximumInterruptId + 1 - FirstSharedPeripheralId;
        }
        else if (specifier[0] == PrivatePeripheral)
        {
            first = FirstPrivatePeripheralId;
            count = FirstSharedPeripheralId - FirstPrivatePeripheralId;
        }
        else
        {
            return false;
        }
        if (number >= count)
            return false;
        interruptId = first + number;
        // Flags 1 and 2 are the rising and falling edge triggers; 4 and 8 the levels.
        edgeTriggered = (specifier[2] & 0b0011) != 0;
        return true;
    }
}
