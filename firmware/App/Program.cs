// The firmware program: says who it is, brings up the SCMI agent, seals the heap, prints the platform's inventory, then runs the shell.
using System;
using System.Runtime.InteropServices;
using App.Inventory;
using App.Shell;
using Nano.Runtime;
using Nano.Runtime.Native;
using Scmi;
using Scmi.Virtio;
using Virtio;

namespace App;

internal static class Program
{
    private const string Name = "nf firmware";
    private const string Version = "0.1.0";
    private const int LongestLine = 200;

    [UnmanagedCallersOnly(EntryPoint = "nano_program_main")]
    private static int Main()
    {
        // ---- Banner -----------------------------------------------------------------------------
        Console.Write(Name);
        Console.Write(" ");
        Console.Write(Version);
        Console.Write(" on ");
        Console.WriteLine(Board.Name);
        Console.Write("  image: ");
        Console.Write(Board.ImageSize);
        Console.Write(" bytes at ");
        Console.WriteHex(Board.ImageBase, 8);
        Console.Write(", device tree at ");
        Console.WriteHex(Board.DeviceTreeAddress, 8);
        Console.WriteLine();
        Console.Write("  CPUs: ");
        Console.Write(Cpu.Count);
        Console.WriteLine(" online");

        // ---- Bring-up: the SCMI device, transport, agent and clients; every pool before the seal -----
        ShellContext? context = BringUpScmi();
        if (context is not null && context.Identity.Read(context.Agent).IsSuccess)
            context.DiscoverClients();
        var editor = new LineEditor(LongestLine);
        ConsoleInput.Start();

        // ---- Seal: no allocation from here on -----------------------------------------------------
        Heap.Seal();
        Console.Write("  heap sealed: ");
        Console.Write(Heap.BytesAllocated);
        Console.Write(" bytes in ");
        Console.Write(Heap.ObjectsAllocated);
        Console.WriteLine(" objects");
        if (context is null)
            return 1;

        // ---- What the platform has, then the shell ----------------------------------------------
        InventoryReport.Print(context);
        ReportStack("thread", StackUsage.ThreadUsed, StackUsage.ThreadSize);
        ReportStack("exception", StackUsage.ExceptionUsed, StackUsage.ExceptionSize);
        Console.WriteLine();
        Console.WriteLine("type 'help' for commands");
        ShellLoop.Run(context, editor);
        return 0;
    }

    /// <summary>"  stack NAME: USED of SIZE bytes used" (./nf bench reads this line).</summary>
    private static void ReportStack(string name, ulong used, ulong size)
    {
        Console.Write("  stack ");
        Console.Write(name);
        Console.Write(": ");
        Console.Write(used);
        Console.Write(" of ");
        Console.Write(size);
        Console.WriteLine(" bytes used");
    }

    private static ShellContext? BringUpScmi()
    {
        if (!ScmiVirtioDiscovery.TryFind(out MmioTransportLocation location, out MmioDeviceIdentity identity, out _))
        {
            Console.WriteLine("error: no virtio SCMI device (QEMU needs -device vhost-user-scmi and a platform daemon)");
            return null;
        }
        var device = new VirtioDevice(new MmioTransport(new MmioRegisterWindow(location.BaseAddress), identity));
        var options = new ScmiVirtioOptions { SyncTimeoutMicroseconds = 2_000_000 };
        ScmiVirtioStart started = ScmiVirtioTransport.Create(device, options, HeapDmaAllocator.Instance, BarrierMemoryOrdering.Instance,
            out ScmiVirtioTransport? transport);
        if (started != ScmiVirtioStart.Ok || transport is null)
        {
            Console.Write("error: SCMI transport did not start: ");
            Console.WriteLine((int)started);
            return null;
        }
        ScmiVirtioInterrupt.Attach(transport, location.InterruptId);
        var agent = new ScmiAgent(transport, BoardScmiClock.Instance);
        transport.SetReceiver(agent);
        Console.Write("  SCMI device at ");
        Console.WriteHex(location.BaseAddress, 8);
        Console.Write(", INTID ");
        Console.Write(location.InterruptId);
        Console.Write(", ");
        Console.Write(agent.MaxPayloadBytes);
        Console.WriteLine("-byte payloads");
        return new ShellContext(agent, transport);
    }
}
