// The firmware program: says who it is, brings the board up, seals the heap, reports, exits 0.
using System.Runtime.InteropServices;
using Nano.Runtime;
using Nano.Runtime.Native;

namespace App
{
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
            Console.Write(Heap.Capacity);
            Console.WriteLine(" bytes");

            // ---- Bring-up: allocate every pool here, before the seal --------------------------

            // ---- Seal: no allocation from here on ---------------------------------------------
            Heap.Seal();
            Console.Write("  heap sealed: ");
            Console.Write(Heap.BytesAllocated);
            Console.Write(" bytes in ");
            Console.Write(Heap.ObjectsAllocated);
            Console.WriteLine(" objects");

            Console.WriteLine("done");
            return 0;
        }
    }
}
