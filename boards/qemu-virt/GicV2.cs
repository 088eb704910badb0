// GICv2 driver (distributor + memory-mapped CPU interface) for qemu-virt's default machine.
namespace Nano.Runtime.Native;

/// <summary>
/// Arm GICv2 (IHI 0048B). Distributor (GICD) registers, offsets from its base:
///   0x000 CTLR, 0x004 TYPER, 0x100 ISENABLERn, 0x180 ICENABLERn, 0x200 ISPENDRn, 0x280 ICPENDRn,
///   0x400 IPRIORITYRn (byte per INTID), 0x800 ITARGETSRn (byte per INTID), 0xC00 ICFGRn (2 bits per INTID),
///   0xF00 SGIR.
/// CPU interface (GICC) registers, offsets from its base:
///   0x00 CTLR, 0x04 PMR, 0x08 BPR, 0x0C IAR, 0x10 EOIR.
/// The registers of INTIDs 0-31 (SGIs, PPIs) are banked: each CPU sees its own at the same address.
/// </summary>
internal static class GicV2
{
    private const ulong DistributorControl = 0x000;
    private const ulong DistributorType = 0x004;
    private const ulong SetEnable = 0x100;
    private const ulong ClearEnable = 0x180;
    private const ulong SetPendingBase = 0x200;
    private const ulong ClearPending = 0x280;
    private const ulong Priority = 0x400;
    private const ulong Targets = 0x800;
    private const ulong Configuration = 0xC00;
    private const ulong SoftwareInterrupt = 0xF00;

    private const ulong CpuControl = 0x00;
    private const ulong PriorityMask = 0x04;
    private const ulong BinaryPoint = 0x08;
    private const ulong InterruptAcknowledge = 0x0C;
    private const ulong EndOfInterruptRegister = 0x10;

    private const byte TargetCpu0 = 0x01;
    private const uint SoftwareInterruptCount = 16;
    private const uint TargetListFilterOthers = 1u << 24;   // SGIR.TargetListFilter = 0b01: every CPU but this one

    private static ulong s_distributor;
    private static ulong s_cpuInterface;

    /// <summary>Once, on CPU 0: every INTID disabled, not pending, mid priority, SPIs to CPU 0; then the distributor on.</summary>
    public static uint InitDistributor(ulong distributorBase, ulong cpuInterfaceBase)
    {
        s_distributor = distributorBase;
        s_cpuInterface = cpuInterfaceBase;
        Mmio.Write32(s_distributor + DistributorControl, 0);
        uint lineCount = ((Mmio.Read32(s_distributor + DistributorType) & 0x1F) + 1) * 32;
        for (uint intid = InterruptController.FirstSharedIntid; intid < lineCount; intid += 32)
        {
            Mmio.Write32(s_distributor + ClearEnable + intid / 8, 0xFFFF_FFFF);
            Mmio.Write32(s_distributor + ClearPending + intid / 8, 0xFFFF_FFFF);
        }
        for (uint intid = InterruptController.FirstSharedIntid; intid < lineCount; intid++)
        {
            Mmio.Write8(s_distributor + Priority + intid, InterruptController.DefaultPriority);
            Mmio.Write8(s_distributor + Targets + intid, TargetCpu0);
        }
        Mmio.Write32(s_distributor + DistributorControl, 1);
        return lineCount;
    }

    /// <summary>On each CPU: its banked SGI/PPI registers reset (PPIs disabled, SGIs enabled so any CPU can be
    /// signalled), then its CPU interface on.</summary>
    public static void InitCpuInterface()
    {
        // GICv2 (IHI 0048B) §4.3.2: "In a multiprocessor implementation, GICD_ISENABLER0 is banked for each
        // connected processor" (and so are ICENABLER0, ISPENDR0, ICPENDR0 and IPRIORITYR0-7).
        Mmio.Write32(s_distributor + ClearEnable, 0xFFFF_FFFF);
        Mmio.Write32(s_distributor + ClearPending, 0xFFFF_FFFF);
        for (uint intid = 0; intid < InterruptController.FirstSharedIntid; intid++)
            Mmio.Write8(s_distributor + Priority + intid, InterruptController.DefaultPriority);
        Mmio.Write32(s_distributor + SetEnable, (1u << (int)SoftwareInterruptCount) - 1);
        Mmio.Write32(s_cpuInterface + PriorityMask, InterruptController.AllowAllPriorities);
        Mmio.Write32(s_cpuInterface + BinaryPoint, 0);
        Mmio.Write32(s_cpuInterface + CpuControl, 1);
    }

    /// <summary>Raises SGI <paramref name="intid"/> on the CPU whose interface number is <paramref name="cpu"/>
    /// (on qemu-virt the CPU's index).</summary>
    public static void SendSoftwareInterrupt(uint intid, uint cpu)
    {
        // GICv2 §4.3.15 GICD_SGIR: TargetListFilter 0b00 sends to the CPUs in CPUTargetList (bits 23..16).
        Mmio.Write32(s_distributor + SoftwareInterrupt, (1u << (int)(16 + cpu)) | (intid & 0xF));
    }

    /// <summary>Raises SGI <paramref name="intid"/> on every CPU but this one.</summary>
    public static void SendSoftwareInterruptToOthers(uint intid) => Mmio.Write32(s_distributor + SoftwareInterrupt, TargetListFilterOthers | (intid & 0xF));

    public static void Enable(uint intid) => Mmio.Write32(s_distributor + SetEnable + intid / 32 * 4, Bit(intid));

    public static void Disable(uint intid) => Mmio.Write32(s_distributor + ClearEnable + intid / 32 * 4, Bit(intid));

    public static void SetPending(uint intid) => Mmio.Write32(s_distributor + SetPendingBase + intid / 32 * 4, Bit(intid));

    public static bool IsPending(uint intid) => (Mmio.Read32(s_distributor + SetPendingBase + intid / 32 * 4) & Bit(intid)) != 0;

    public static bool IsEnabled(uint intid) => (Mmio.Read32(s_distributor + SetEnable + intid / 32 * 4) & Bit(intid)) != 0;

    /// <summary>Sets ICFGR bit 1 of an SPI's 2-bit field (1 = edge); the caller disables the INTID around it.</summary>
    public static void SetEdge(uint intid, bool edge)
    {
        ulong register = s_distributor + Configuration + intid / 16 * 4;
        int shift = (int)(intid % 16) * 2 + 1;
        uint value = Mmio.Read32(register);
        value = edge ? value | (1u << shift) : value & ~(1u << shift);
        Mmio.Write32(register, value);
    }

    /// <summary>Reads IAR: the INTID (bits 9..0) of the highest-priority pending interrupt, now active.</summary>
    public static uint Acknowledge() => Mmio.Read32(s_cpuInterface + InterruptAcknowledge);

    /// <summary>Writes EOIR with the value <see cref="Acknowledge"/> returned.</summary>
    public static void EndOfInterrupt(uint acknowledge) => Mmio.Write32(s_cpuInterface + EndOfInterruptRegister, acknowledge);

    private static uint Bit(uint intid) => 1u << (int)(intid % 32);
}
