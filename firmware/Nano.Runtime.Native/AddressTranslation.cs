// What the MMU makes of an address: asks the hardware (AT S1E1R, PAR_EL1) instead of trusting the tables we wrote.
using System.Runtime.InteropServices;

namespace Nano.Runtime.Native;

/// <summary>How a virtual address translates for an EL1 read (diagnostics and tests of the memory map).</summary>
public readonly struct Translation
{
    /// <summary>PAR_EL1 as the translation left it.</summary>
    public readonly ulong Result;

    public Translation(ulong result) => Result = result;

    /// <summary>False when the read would fault (PAR_EL1.F): nothing is mapped there.</summary>
    public bool IsMapped => (Result & 1) == 0;

    /// <summary>The output (physical) address of the page, when mapped (PAR_EL1.PA, bits 47..12).</summary>
    public ulong PhysicalPage => Result & 0x0000_FFFF_FFFF_F000;

    /// <summary>The memory attributes, in MAIR_EL1's 8-bit encoding (PAR_EL1.ATTR, bits 63..56).</summary>
    public byte Attributes => (byte)(Result >> 56);

    /// <summary>Shareability (PAR_EL1.SH, bits 8..7): 0 non-shareable, 2 outer, 3 inner shareable.</summary>
    public uint Shareability => (uint)(Result >> 7) & 3;
}

/// <summary>Stage 1 EL1 translations and the attribute table (MAIR_EL1) they index.</summary>
public static class AddressTranslation
{
    /// <summary>Normal memory, inner and outer write-back non-transient, read- and write-allocate (MAIR encoding).</summary>
    public const byte NormalWriteBack = 0xFF;

    /// <summary>Device-nGnRE (MAIR encoding): no gathering, no reordering, early write acknowledgement.</summary>
    public const byte DeviceNgnre = 0x04;

    /// <summary>Inner shareable (PAR_EL1.SH).</summary>
    public const uint InnerShareable = 3;

    /// <summary>Translates <paramref name="address"/> as an EL1 read would.</summary>
    public static Translation ForRead(ulong address) => new(NativeTranslateRead(address));

    /// <summary>MAIR_EL1: eight 8-bit attribute encodings; a descriptor's AttrIndx picks one.</summary>
    public static ulong AttributeIndirection => NativeAttributeIndirection();

    /// <summary>The attribute encoding at <paramref name="index"/> (0..7) of MAIR_EL1.</summary>
    public static byte AttributeAt(int index) => (byte)(AttributeIndirection >> (8 * (index & 7)));

    // ---- Native shim -----------------------------------------------------------------------

    [DllImport("*", EntryPoint = "nano_mmu_translate_read"), SuppressGCTransition]
    private static extern ulong NativeTranslateRead(ulong address);

    [DllImport("*", EntryPoint = "nano_mmu_attribute_indirection"), SuppressGCTransition]
    private static extern ulong NativeAttributeIndirection();
}
