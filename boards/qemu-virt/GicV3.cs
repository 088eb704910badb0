// GICv3 driver for qemu-virt with gic-version=3: memory-mapped distributor and redistributors, system-register
// CPU interface (ICC_*_EL1), affinity routing, every interrupt in Group 1 (no EL3: one security state).
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using Nano.Runtime;

namespace Nano.Runtime.Native;

/// <summary>
/// Arm GICv3 (IHI 0069H). Distributor (GICD) offsets: 0x0000 CTLR, 0x0004 TYPER, 0x0080 IGROUPRn,
/// 0x0100 ISENABLERn, 0x0180 ICENABLERn, 0x0200 ISPENDRn, 0x0280 ICPENDRn, 0x0400 IPRIORITYRn,
/// 0x0C00 ICFGRn, 0x6000 + 8n IROUTERn (SPIs). Each CPU has a redistributor: an RD_base frame (0x0000 CTLR,
/// 0x0008 TYPER, 0x0014 WAKER) followed by an SGI_base frame holding the SGI/PPI registers (IGROUPR0,
/// ISENABLER0, ... at the distributor's offsets). The CPU interface is the ICC_*_EL1 system registers (gic-v3.S).
/// </summary>
internal static class GicV3
{
    private const ulong DistributorControl = 0x0000;
    private const ulong DistributorType = 0x0004;
    private const ulong Group = 0x0080;
    private const ulong SetEnable = 0x0100;
    private const ulong ClearEnable = 0x0180;
    private const ulong SetPendingBase = 0x0200;
    private const ulong ClearPending = 0x0280;
    private const ulong Priority = 0x0400;
    private const ulong Configuration = 0x0C00;
    private const ulong Route = 0x6000;

    private const ulong RedistributorType = 0x0008;
    private const ulong RedistributorWaker = 0x0014;
    private const ulong SgiFrame = 0x1_0000;             // SGI_base = RD_base + 64 KiB
    private const ulong FramePair = 0x2_0000;            // RD_base + SGI_base
    private const ulong FrameQuad = 0x4_0000;            // + VLPI_base and a reserved frame when TYPER.VLPIS

    // GICD_CTLR with one security state (DS = 1): bit 0 EnableGrp0, bit 1 EnableGrp1, bit 4 ARE, bit 31 RWP.
    private const uint EnableGroup1 = 1u << 1;
    private const uint AffinityRouting = 1u << 4;
    private const uint RegisterWritePending = 1u << 31;
    private const ulong TypeLast = 1ul << 4;
    private const ulong TypeVirtualLpis = 1ul << 1;
    private const uint ProcessorSleep = 1u << 1;
    private const uint ChildrenAsleep = 1u << 2;
    private const ulong SystemRegisterEnable = 1;        // ICC_SRE_EL1.SRE
    private const ulong SreValue = 0x7;                  // SRE, DFB, DIB: no legacy bypass
    private const int MaximumCpus = 8;
    private const uint SoftwareInterruptCount = 16;
    private const ulong SgiToOthers = 1ul << 40;           // ICC_SGI1R_EL1.IRM: every PE but this one
    private const int WaitLimit = 1_000_000;

    [InlineArray(MaximumCpus)]
    private struct FrameTable
    {
        private ulong _entry;
    }

    private static ulong s_distributor;
    private static ulong s_redistributors;
    private static ulong s_redistributorsEnd;
    // Per CPU index that ran InitCpuInterface: its affinity (GICR_TYPER[63:32] form) and its redistributor's RD_base.
    private static FrameTable s_affinities;
    private static FrameTable s_frames;

    /// <summary>Once, on CPU 0: affinity routing on; every SPI disabled, not pending, Group 1, mid priority, routed
    /// to this CPU; then Group 1 enabled.</summary>
    public static uint InitDistributor(ulong distributorBase, ulong redistributorBase, ulong redistributorSize)
    {
        s_distributor = distributorBase;
        s_redistributors = redistributorBase;
        s_redistributorsEnd = redistributorBase + redistributorSize;
        // GICv3 §12.9.4 GICD_CTLR: "Changing the ARE settings from 0 to 1 is UNPREDICTABLE except when ... all
        // EnableGrp bits are 0": both groups off first, then ARE alone, then the group.
        Mmio.Write32(s_distributor + DistributorControl, 0);
        WaitForDistributorWrites();
        Mmio.Write32(s_distributor + DistributorControl, AffinityRouting);
        WaitForDistributorWrites();
        uint lineCount = ((Mmio.Read32(s_distributor + DistributorType) & 0x1F) + 1) * 32;
        if (lineCount > Interrupts.MaximumIntid + 1)
            lineCount = Interrupts.MaximumIntid + 1;
        for (uint intid = InterruptController.FirstSharedIntid; intid < lineCount; intid += 32)
        {
            Mmio.Write32(s_distributor + ClearEnable + intid / 8, 0xFFFF_FFFF);
            Mmio.Write32(s_distributor + ClearPending + intid / 8, 0xFFFF_FFFF);
            Mmio.Write32(s_distributor + Group + intid / 8, 0xFFFF_FFFF);
        }
        WaitForDistributorWrites();
        ulong route = RouteValue(NativeAffinity());
        for (uint intid = InterruptController.FirstSharedIntid; intid < lineCount; intid++)
        {
            Mmio.Write8(s_distributor + Priority + intid, InterruptController.DefaultPriority);
            // §12.9.22 GICD_IROUTER<n>: with ARE, an SPI goes to the PE named by Aff3.Aff2.Aff1.Aff0 (IRM = 0).
            Mmio.Write64(s_distributor + Route + intid * 8, route);
        }
        Mmio.Write32(s_distributor + DistributorControl, AffinityRouting | EnableGroup1);
        WaitForDistributorWrites();
        return lineCount;
    }

    /// <summary>On each CPU: finds its redistributor (GICR_TYPER affinity = MPIDR affinity), wakes it, resets its
    /// SGIs/PPIs (PPIs disabled, SGIs enabled, none pending, Group 1, mid priority), then turns on the system-register CPU interface.</summary>
    public static void InitCpuInterface()
    {
        uint affinity = NativeAffinity();
        ulong frame = FindFrame(affinity);
        if (frame == 0)
        {
            Panic.WriteHeader("GICv3: no redistributor for this CPU");
            Panic.WriteDetail("affinity", affinity);
            Panic.Stop();
        }
        // §11.1 "Power management": clear WAKER.ProcessorSleep, then wait until ChildrenAsleep reads 0.
        Mmio.Write32(frame + RedistributorWaker, Mmio.Read32(frame + RedistributorWaker) & ~ProcessorSleep);
        int wait = 0;
        while ((Mmio.Read32(frame + RedistributorWaker) & ChildrenAsleep) != 0)
        {
            if (++wait == WaitLimit)
                Fail("GICv3: the redistributor does not wake (GICR_WAKER.ChildrenAsleep stays 1)");
        }
        ulong sgi = frame + SgiFrame;
        Mmio.Write32(sgi + ClearEnable, 0xFFFF_FFFF);
        Mmio.Write32(sgi + ClearPending, 0xFFFF_FFFF);
        Mmio.Write32(sgi + Group, 0xFFFF_FFFF);
        for (uint intid = 0; intid < InterruptController.FirstSharedIntid; intid++)
            Mmio.Write8(sgi + Priority + intid, InterruptController.DefaultPriority);
        Mmio.Write32(sgi + SetEnable, (1u << (int)SoftwareInterruptCount) - 1);   // SGIs on: any CPU can signal this one
        Remember(affinity, frame);

        // §12.1.5: the system-register interface must be on (ICC_SRE_EL1.SRE) before any other ICC access.
        NativeWriteSre(SreValue);
        if ((NativeReadSre() & SystemRegisterEnable) == 0)
            Fail("GICv3: ICC_SRE_EL1.SRE stays 0 (no system-register CPU interface)");
        NativeWritePriorityMask(InterruptController.AllowAllPriorities);
        NativeWriteBinaryPoint1(0);
        NativeWriteGroup1Enable(1);
    }

    /// <summary>Raises SGI <paramref name="intid"/> on the CPU with index <paramref name="cpu"/> through ICC_SGI1R_EL1.</summary>
    public static void SendSoftwareInterrupt(uint intid, uint cpu)
    {
        uint affinity = cpu < MaximumCpus ? (uint)Volatile.Read(ref Slot(ref s_affinities, (int)cpu)) : 0;
        if (cpu >= MaximumCpus || Volatile.Read(ref Slot(ref s_frames, (int)cpu)) == 0)
            Fail("GICv3: SGI to a CPU whose interface was never initialised");
        // §12.2.23 ICC_SGI1R_EL1: Aff3 [55:48], RS [47:44] (Aff0 / 16), Aff2 [39:32], INTID [27:24], Aff1 [23:16],
        // TargetList [15:0] (one bit per Aff0 % 16).
        ulong aff0 = affinity & 0xFF;
        ulong value = ((ulong)(affinity >> 24) << 48) | ((aff0 >> 4) << 44) | ((ulong)((affinity >> 16) & 0xFF) << 32)
            | ((ulong)(intid & 0xF) << 24) | ((ulong)((affinity >> 8) & 0xFF) << 16) | (1ul << (int)(aff0 & 0xF));
        NativeSendSgi(value);
    }

    /// <summary>Raises SGI <paramref name="intid"/> on every CPU but this one (ICC_SGI1R_EL1.IRM = 1).</summary>
    public static void SendSoftwareInterruptToOthers(uint intid) => NativeSendSgi(SgiToOthers | ((ulong)(intid & 0xF) << 24));

    public static void Enable(uint intid) => Mmio.Write32(Bank(intid) + SetEnable + intid / 32 * 4, Bit(intid));

    public static void Disable(uint intid)
    {
        Mmio.Write32(Bank(intid) + ClearEnable + intid / 32 * 4, Bit(intid));
        // §12.9.8 GICD_ICENABLER: the disable has taken effect once GICD_CTLR.RWP (GICR_CTLR.RWP) reads 0.
        WaitForWrites(intid);
    }

    public static void SetPending(uint intid) => Mmio.Write32(Bank(intid) + SetPendingBase + intid / 32 * 4, Bit(intid));

    public static bool IsPending(uint intid) => (Mmio.Read32(Bank(intid) + SetPendingBase + intid / 32 * 4) & Bit(intid)) != 0;

    public static bool IsEnabled(uint intid) => (Mmio.Read32(Bank(intid) + SetEnable + intid / 32 * 4) & Bit(intid)) != 0;

    /// <summary>Sets ICFGR bit 1 of an SPI's 2-bit field (1 = edge); the caller disables the INTID around it.</summary>
    public static void SetEdge(uint intid, bool edge)
    {
        ulong register = s_distributor + Configuration + intid / 16 * 4;
        int shift = (int)(intid % 16) * 2 + 1;
        uint value = Mmio.Read32(register);
        value = edge ? value | (1u << shift) : value & ~(1u << shift);
        Mmio.Write32(register, value);
    }

    /// <summary>Reads ICC_IAR1_EL1: the INTID of the highest-priority pending Group 1 interrupt, now active (1023: none).</summary>
    public static uint Acknowledge() => (uint)NativeAcknowledge();

    /// <summary>Writes ICC_EOIR1_EL1 (EOImode 0: priority drop and deactivation) with the acknowledged INTID.</summary>
    public static void EndOfInterrupt(uint acknowledge) => NativeEndOfInterrupt(acknowledge);

    // SGIs and PPIs live in the calling CPU's redistributor (SGI_base frame), SPIs in the distributor.
    private static ulong Bank(uint intid) => intid < InterruptController.FirstSharedIntid ? OwnFrame() + SgiFrame : s_distributor;

    private static ulong OwnFrame()
    {
        int cpu = Cpu.Id;
        ulong frame = cpu < MaximumCpus ? Volatile.Read(ref Slot(ref s_frames, cpu)) : 0;
        if (frame == 0)
        {
            Panic.WriteHeader("GICv3: SGI/PPI access on a CPU whose interface was never initialised");
            Panic.WriteDetail("cpu", (ulong)cpu);
            Panic.Stop();
        }
        return frame;
    }

    // One slot per CPU index (Cpu.Id), written once by that CPU before it comes online; others read it to send SGIs.
    private static void Remember(uint affinity, ulong frame)
    {
        int cpu = Cpu.Id;
        if (cpu >= MaximumCpus)
            Fail("GICv3: more CPUs than the redistributor table holds");
        Volatile.Write(ref Slot(ref s_affinities, cpu), affinity);
        Volatile.Write(ref Slot(ref s_frames, cpu), frame);
    }

    // §12.11.35 GICR_TYPER: [63:32] the affinity of the PE the redistributor serves, bit 4 Last, bit 1 VLPIS.
    private static ulong FindFrame(uint affinity)
    {
        for (ulong frame = s_redistributors; frame + FramePair <= s_redistributorsEnd;)
        {
            ulong type = Mmio.Read64(frame + RedistributorType);
            if ((uint)(type >> 32) == affinity)
                return frame;
            if ((type & TypeLast) != 0)
                break;
            frame += (type & TypeVirtualLpis) != 0 ? FrameQuad : FramePair;
        }
        return 0;
    }

    private static void WaitForDistributorWrites()
    {
        int wait = 0;
        while ((Mmio.Read32(s_distributor + DistributorControl) & RegisterWritePending) != 0)
        {
            if (++wait == WaitLimit)
                Fail("GICv3: GICD_CTLR.RWP stays 1");
        }
    }

    // GICR_CTLR.RWP is bit 3 and tracks ICENABLER0 of SGIs/PPIs; GICD_CTLR.RWP bit 31 tracks the SPIs'.
    private static void WaitForWrites(uint intid)
    {
        if (intid >= InterruptController.FirstSharedIntid)
        {
            WaitForDistributorWrites();
            return;
        }
        ulong control = OwnFrame();
        int wait = 0;
        while ((Mmio.Read32(control) & (1u << 3)) != 0)
        {
            if (++wait == WaitLimit)
                Fail("GICv3: GICR_CTLR.RWP stays 1");
        }
    }

    private static ref ulong Slot(ref FrameTable table, int index) => ref Unsafe.Add(ref Unsafe.As<FrameTable, ulong>(ref table), index);

    // GICD_IROUTER's affinity layout: Aff3 in [39:32], Aff2.Aff1.Aff0 in [23:0].
    private static ulong RouteValue(uint affinity) => ((ulong)(affinity >> 24) << 32) | (affinity & 0xFF_FFFF);

    private static uint Bit(uint intid) => 1u << (int)(intid % 32);

    private static void Fail(string what)
    {
        Panic.WriteHeader(what);
        Panic.Stop();
    }

    // ---- Native shim (gic-v3.S) --------------------------------------------------------------

    [DllImport("*", EntryPoint = "nano_gicv3_affinity"), SuppressGCTransition]
    private static extern uint NativeAffinity();

    [DllImport("*", EntryPoint = "nano_gicv3_read_sre"), SuppressGCTransition]
    private static extern ulong NativeReadSre();

    [DllImport("*", EntryPoint = "nano_gicv3_write_sre"), SuppressGCTransition]
    private static extern void NativeWriteSre(ulong value);

    [DllImport("*", EntryPoint = "nano_gicv3_write_pmr"), SuppressGCTransition]
    private static extern void NativeWritePriorityMask(ulong value);

    [DllImport("*", EntryPoint = "nano_gicv3_write_bpr1"), SuppressGCTransition]
    private static extern void NativeWriteBinaryPoint1(ulong value);

    [DllImport("*", EntryPoint = "nano_gicv3_write_igrpen1"), SuppressGCTransition]
    private static extern void NativeWriteGroup1Enable(ulong value);

    [DllImport("*", EntryPoint = "nano_gicv3_send_sgi"), SuppressGCTransition]
    private static extern void NativeSendSgi(ulong value);

    [DllImport("*", EntryPoint = "nano_gicv3_acknowledge"), SuppressGCTransition]
    private static extern ulong NativeAcknowledge();

    [DllImport("*", EntryPoint = "nano_gicv3_end_of_interrupt"), SuppressGCTransition]
    private static extern void NativeEndOfInterrupt(ulong intid);
}
