// The firmware program: says who it is, brings the board up, seals the heap, reports what it found.
using System;
using System.Runtime.InteropServices;
using Nano.Runtime;
using Nano.Runtime.Native;
using Virtio;

namespace App;

internal static class Program
{
    private const string Name = "nf firmware";
    private const string Version = "0.1.0";

    [UnmanagedCallersOnly(EntryPoint = "nano_program_main")]
    private static int Main()
    {
        // ---- Banner -----------------------------------------------------------------------
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
        Console.Write("  heap: ");
        Console.Write(Heap.Capacity / 1024);
        Console.Write(" KiB, timer ");
        Console.Write(Clock.Frequency / 1000);
        Console.WriteLine(" kHz");

        // ---- Bring-up: discover devices and allocate every pool here, before the seal -----
        ReportVirtioDevices();

        // ---- Seal: no allocation from here on ---------------------------------------------
        Heap.Seal();
        Console.Write("  heap sealed: ");
        Console.Write(Heap.BytesAllocated);
        Console.Write(" bytes in ");
        Console.Write(Heap.ObjectsAllocated);
        Console.WriteLine(" objects");

        Console.Write("up ");
        Console.Write(Clock.Microseconds);
        Console.WriteLine(" us, done");
        return 0;
    }

    private static void ReportVirtioDevices()
    {
        Span<MmioTransportLocation> transports = stackalloc MmioTransportLocation[BoardVirtioDiscovery.MaximumTransports];
        int count = BoardVirtioDiscovery.Locate(transports, out bool fromDeviceTree);
        int devices = 0;
        for (int i = 0; i < count; i++)
        {
            MmioDeviceIdentity identity = MmioDeviceIdentity.Read(new MmioRegisterWindow(transports[i].BaseAddress));
            if (!identity.IsDevice)
                continue;
            devices++;
            Console.Write("  virtio device ");
            Console.Write(identity.DeviceId);
            Console.Write(" at ");
            Console.WriteHex(transports[i].BaseAddress, 8);
            Console.Write(", INTID ");
            Console.Write(transports[i].InterruptId);
            Console.Write(", register layout ");
            Console.WriteLine(identity.Version == 2 ? "modern" : "legacy");
        }
        Console.Write("  virtio: ");
        Console.Write(count);
        Console.Write(fromDeviceTree ? " transports from the device tree, " : " fixed transports, ");
        Console.Write(devices);
        Console.WriteLine(" devices");
    }
}
