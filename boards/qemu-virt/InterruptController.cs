// GICv2 driver (distributor + CPU interface) for qemu-virt: the board's InterruptController.
namespace Nano.Runtime.Native;

/// <summary>
/// Arm GICv2. Distributor (GICD) registers, offsets from GicDistributorBase:
///   0x000 CTLR, 0x004 TYPER, 0x100 ISENABLERn, 0x180 ICENABLERn, 0x200 ISPENDRn, 0x280 ICPENDRn,
///   0x400 IPRIORITYRn (byte per INTID), 0x800 ITARGETSRn (byte per INTID), 0xC00 ICFGRn (2 bits per INTID),
///   0xF00 SGIR. INTIDs 0-31 (SGIs, PPIs) are banked: each CPU sees and sets its own enable, pending and priority.
/// CPU interface (GICC) registers, offsets from GicCpuInterfaceBase:
///   0x00 CTLR, 0x04 PMR, 0x08 BPR, 0x0C IAR, 0x10 EOIR.
/// </summary>
internal static class InterruptController
{
    /// <summary>An acknowledge value meaning "none".</summary>
    public const uint NoInterrupt = 1023;

    private const ulong DistributorControl = BoardMap.GicDistributorBase + 0x000;
    private const ulong DistributorType = BoardMap.GicDistributorBase + 0x004;
    private const ulong SetEnable = BoardMap.GicDistributorBase + 0x100;
    private const ulong ClearEnable = BoardMap.GicDistributorBase + 0x180;
    private const ulong SetPendingBase = BoardMap.GicDistributorBase + 0x200;
    private const ulong ClearPending = BoardMap.GicDistributorBase + 0x280;
    private const ulong Priority = BoardMap.GicDistributorBase + 0x400;
    private const ulong Targets = BoardMap.GicDistributorBase + 0x800;
    private const ulong Configuration = BoardMap.GicDistributorBase + 0xC00;
    private const ulong SoftwareInterrupt = BoardMap.GicDistributorBase + 0xF00;

    private const ulong CpuControl = BoardMap.GicCpuInterfaceBase + 0x00;
    private const ulong PriorityMask = BoardMap.GicCpuInterfaceBase + 0x04;
    private const ulong BinaryPoint = BoardMap.GicCpuInterfaceBase + 0x08;
    private const ulong InterruptAcknowledge = BoardMap.GicCpuInterfaceBase + 0x0C;
    private const ulong EndOfInterruptRegister = BoardMap.GicCpuInterfaceBase + 0x10;

    private const byte DefaultPriority = 0xA0;   // mid-range; lower value = more urgent
    private const uint AllowAllPriorities = 0xF0;
    private const byte TargetCpu0 = 0x01;
    private const uint FirstSharedIntid = 32;    // SPIs; 0-15 SGIs, 16-31 PPIs (banked per CPU)
    private const uint SoftwareInterruptCount = 16;
    private const uint TargetListFilterOthers = 1u << 24;   // SGIR.TargetListFilter = 0b01: every CPU but this one

    private static uint s_lineCount;

    /// <summary>Number of INTIDs the distributor implements.</summary>
    public static uint LineCount => s_lineCount;

    /// <summary>The shared part, once, on CPU 0 before any other CPU starts: every SPI disabled, not pending,
    /// default priority, routed to CPU 0; the distributor on.</summary>
    public static void InitializeDistributor()
    {
        Mmio.Write32(DistributorControl, 0);
        s_lineCount = ((Mmio.Read32(DistributorType) & 0x1F) + 1) * 32;
        for (uint intid = FirstSharedIntid; intid < s_lineCount; intid += 32)
        {
            Mmio.Write32(ClearEnable + intid / 8, 0xFFFF_FFFF);
            Mmio.Write32(ClearPending + intid / 8, 0xFFFF_FFFF);
        }
        for (uint intid = FirstSharedIntid; intid < s_lineCount; intid++)
        {
            Mmio.Write8(Priority + intid, DefaultPriority);
            Mmio.Write8(Targets + intid, TargetCpu0);
        }
        Mmio.Write32(DistributorControl, 1);
    }

    /// <summary>This CPU's part, on every CPU (CPU 0 after <see cref="InitializeDistributor"/>): its banked SGIs and
    /// PPIs (PPIs disabled, SGIs enabled so any CPU can be signalled; every one at the default priority) and its
    /// CPU interface on.</summary>
    public static void InitCpuInterface()
    {
        // GICv2 (IHI 0048B) §4.3.2: "In a multiprocessor implementation, GICD_ISENABLER0 is banked for each
        // connected processor" (and so are ICENABLER0, ISPENDR0, ICPENDR0 and IPRIORITYR0-7).
        Mmio.Write32(ClearEnable, 0xFFFF_FFFF);
        Mmio.Write32(ClearPending, 0xFFFF_FFFF);
        for (uint intid = 0; intid < FirstSharedIntid; intid++)
            Mmio.Write8(Priority + intid, DefaultPriority);
        Mmio.Write32(SetEnable, (1u << (int)SoftwareInterruptCount) - 1);

        Mmio.Write32(PriorityMask, AllowAllPriorities);
        Mmio.Write32(BinaryPoint, 0);
        Mmio.Write32(CpuControl, 1);
    }

    /// <summary>Raises SGI <paramref name="intid"/> (0..15) on the CPU whose interface number is <paramref name="cpu"/>
    /// (on qemu-virt the CPU's index).</summary>
    public static void SendSoftwareInterrupt(uint intid, uint cpu)
    {
        // GICv2 §4.3.15 GICD_SGIR: TargetListFilter 0b00 sends to the CPUs in CPUTargetList (bits 23..16).
        Mmio.Write32(SoftwareInterrupt, (1u << (int)(16 + cpu)) | (intid & 0xF));
    }

    /// <summary>Raises SGI <paramref name="intid"/> on every CPU but this one.</summary>
    public static void SendSoftwareInterruptToOthers(uint intid) => Mmio.Write32(SoftwareInterrupt, TargetListFilterOthers | (intid & 0xF));

    public static void Enable(uint intid) => Mmio.Write32(SetEnable + intid / 32 * 4, 1u << (int)(intid % 32));

    public static void Disable(uint intid) => Mmio.Write32(ClearEnable + intid / 32 * 4, 1u << (int)(intid % 32));

    public static void SetPending(uint intid) => Mmio.Write32(SetPendingBase + intid / 32 * 4, 1u << (int)(intid % 32));

    public static bool IsPending(uint intid) => (Mmio.Read32(SetPendingBase + intid / 32 * 4) & (1u << (int)(intid % 32))) != 0;

    public static bool IsEnabled(uint intid) => (Mmio.Read32(SetEnable + intid / 32 * 4) & (1u << (int)(intid % 32))) != 0;

    /// <summary>Edge or level for an SPI (ICFGR bit 1 of the INTID's 2-bit field); SGI/PPI config is fixed.
    /// An enabled INTID is disabled around the change and enabled again.</summary>
    public static void Configure(uint intid, bool edge)
    {
        if (intid < FirstSharedIntid)
            return;
        // GICv2 (IHI 0048B) §4.3.13: "Before changing the value of a programmable Int_config field, software
        // must disable the corresponding interrupt, otherwise GIC behavior is UNPREDICTABLE."
        bool wasEnabled = IsEnabled(intid);
        if (wasEnabled)
            Disable(intid);
        ulong register = Configuration + intid / 16 * 4;
        int shift = (int)(intid % 16) * 2 + 1;
        uint value = Mmio.Read32(register);
        value = edge ? value | (1u << shift) : value & ~(1u << shift);
        Mmio.Write32(register, value);
        if (wasEnabled)
            Enable(intid);
    }

    /// <summary>Reads IAR: the INTID (bits 9..0) of the highest-priority pending interrupt, now active.</summary>
    public static uint Acknowledge() => Mmio.Read32(InterruptAcknowledge);

    /// <summary>Writes EOIR with the value <see cref="Acknowledge"/> returned.</summary>
    public static void EndOfInterrupt(uint acknowledge) => Mmio.Write32(EndOfInterruptRegister, acknowledge);
}
