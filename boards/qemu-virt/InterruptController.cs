// The board's interrupt controller: the GIC architecture the image was built for (GICv2, or GICv3 for the gicv3
// board variant), found through the device tree; the runtime (Interrupts, Clock) calls only this.
using System.Runtime.InteropServices;
using Nano.Runtime;

namespace Nano.Runtime.Native;

/// <summary>
/// Arm GIC for qemu-virt. The architecture is chosen when the image is built (Board.targets, gic-choice.S); the
/// device tree's GIC node must name the same one ("arm,cortex-a15-gic" or "arm,gic-v3") and gives the register
/// frames. <see cref="InitDistributor"/> runs once on CPU 0, <see cref="InitCpuInterface"/> on every CPU.
/// </summary>
internal static class InterruptController
{
    /// <summary>An acknowledge value meaning "none".</summary>
    public const uint NoInterrupt = 1023;

    public const byte DefaultPriority = 0xA0;        // mid-range; lower value = more urgent
    public const uint AllowAllPriorities = 0xF0;
    public const uint FirstSharedIntid = 32;         // SPIs; 0-15 SGIs, 16-31 PPIs (banked per CPU)

    private static uint s_lineCount;
    private static bool s_v3;

    /// <summary>Number of INTIDs the distributor implements.</summary>
    public static uint LineCount => s_lineCount;

    /// <summary>The GIC architecture this image drives (2 or 3).</summary>
    public static uint Version => s_v3 ? 3u : 2u;

    /// <summary>Once, on CPU 0, before any <see cref="InitCpuInterface"/>: locates the GIC and resets its distributor.</summary>
    public static void InitDistributor(ulong deviceTree)
    {
        uint built = (uint)NativeBuiltGicVersion();
        GicLocation found = GicFromDeviceTree.Find(deviceTree);
        // No fallback to the board map's addresses: a tree that names no GIC is a broken boot, and a silent
        // default would hide a reader that stopped finding it.
        if (found.Version == 0)
        {
            Panic.WriteHeader("interrupt controller: the device tree names no GIC (arm,cortex-a15-gic, arm,gic-400, arm,gic-v3)");
            Panic.WriteDetail("device tree", deviceTree);
            Panic.Stop();
        }
        if (found.Version != built)
        {
            Panic.WriteHeader("interrupt controller: the image was built for another GIC than the device tree describes");
            Panic.WriteDetail("built for GIC version", built);
            Panic.WriteDetail("device tree GIC version", found.Version);
            Panic.Stop();
        }
        s_v3 = built == 3;
        s_lineCount = s_v3
            ? GicV3.InitDistributor(found.DistributorBase, found.SecondBase, found.SecondSize)
            : GicV2.InitDistributor(found.DistributorBase, found.SecondBase);
    }

    /// <summary>On each CPU (CPU 0 after <see cref="InitDistributor"/>, then every secondary as it starts): its
    /// SGIs and PPIs reset and its CPU interface on.</summary>
    public static void InitCpuInterface()
    {
        if (s_v3)
            GicV3.InitCpuInterface();
        else
            GicV2.InitCpuInterface();
    }

    /// <summary>Raises SGI <paramref name="intid"/> (0..15) on the CPU with index <paramref name="cpu"/>
    /// (<see cref="Cpu.Id"/>; the CPU must have run <see cref="InitCpuInterface"/>).</summary>
    public static void SendSoftwareInterrupt(uint intid, uint cpu)
    {
        if (s_v3)
            GicV3.SendSoftwareInterrupt(intid, cpu);
        else
            GicV2.SendSoftwareInterrupt(intid, cpu);
    }

    /// <summary>Raises SGI <paramref name="intid"/> on every CPU but this one.</summary>
    public static void SendSoftwareInterruptToOthers(uint intid)
    {
        if (s_v3)
            GicV3.SendSoftwareInterruptToOthers(intid);
        else
            GicV2.SendSoftwareInterruptToOthers(intid);
    }

    public static void Enable(uint intid)
    {
        if (s_v3)
            GicV3.Enable(intid);
        else
            GicV2.Enable(intid);
    }

    public static void Disable(uint intid)
    {
        if (s_v3)
            GicV3.Disable(intid);
        else
            GicV2.Disable(intid);
    }

    public static void SetPending(uint intid)
    {
        if (s_v3)
            GicV3.SetPending(intid);
        else
            GicV2.SetPending(intid);
    }

    public static bool IsPending(uint intid) => s_v3 ? GicV3.IsPending(intid) : GicV2.IsPending(intid);

    public static bool IsEnabled(uint intid) => s_v3 ? GicV3.IsEnabled(intid) : GicV2.IsEnabled(intid);

    /// <summary>Edge or level for an SPI (ICFGR bit 1 of the INTID's 2-bit field); SGI/PPI config is fixed.
    /// An enabled INTID is disabled around the change and enabled again.</summary>
    public static void Configure(uint intid, bool edge)
    {
        if (intid < FirstSharedIntid)
            return;
        // GICv2 (IHI 0048B) §4.3.13: "Before changing the value of a programmable Int_config field, software
        // must disable the corresponding interrupt, otherwise GIC behavior is UNPREDICTABLE." (GICv3 §12.9.7 alike.)
        bool wasEnabled = IsEnabled(intid);
        if (wasEnabled)
            Disable(intid);
        if (s_v3)
            GicV3.SetEdge(intid, edge);
        else
            GicV2.SetEdge(intid, edge);
        if (wasEnabled)
            Enable(intid);
    }

    /// <summary>The INTID of the highest-priority pending interrupt, now active (<see cref="NoInterrupt"/>: none).</summary>
    public static uint Acknowledge() => s_v3 ? GicV3.Acknowledge() : GicV2.Acknowledge();

    /// <summary>Ends the interrupt <see cref="Acknowledge"/> returned.</summary>
    public static void EndOfInterrupt(uint acknowledge)
    {
        if (s_v3)
            GicV3.EndOfInterrupt(acknowledge);
        else
            GicV2.EndOfInterrupt(acknowledge);
    }

    [DllImport("*", EntryPoint = "nano_board_gic_version"), SuppressGCTransition]
    private static extern ulong NativeBuiltGicVersion();
}
