// Runtime start-up: the heap, then reference-type statics, eager constructors and module initializers
using System;
// found through each module's ReadyToRun header (the compiler emits them; there is no loader to do it).
using System.Runtime;
using System.Runtime.CompilerServices;
using Nano.Runtime;

namespace Internal.Runtime;

internal static unsafe class Startup
{
    // ReadyToRun header: "RTR\0" signature, version, flags, section count, entry size and type,
    // followed by 24-byte section entries { int id; int flags; void* start; void* end; }.
    private const uint ReadyToRunSignature = 0x00525452;
    private const int GCStaticRegion = 201;
    private const int EagerClassConstructors = 205;
    private const int ModuleInitializers = 213;

    // GC static block flags, in the low bits of the relative pointer to the holder's MethodTable.
    private const int StaticsUninitialized = 1;
    private const int StaticsHavePreinitializedData = 2;
    private const int StaticsFlagMask = 3;

    private struct ReadyToRunHeader
    {
        public uint Signature;
        public ushort MajorVersion;
        public ushort MinorVersion;
        public uint Flags;
        public ushort NumberOfSections;
        public byte EntrySize;
        public byte EntryType;
    }

    private struct ModuleSection
    {
        public int SectionId;
        public int Flags;
        public byte* Start;
        public byte* End;
    }

    /// <summary>Called by the boot stub once, before any other managed code.</summary>
    [RuntimeExport("nano_corelib_init")]
    private static void Initialize()
    {
        Heap.Initialize();
        void** end;
        void** modules = NativeShim.ModulesBounds(&end);
        // Statics of every module first: constructors may touch any module's statics.
        for (void** module = modules; module < end; module++)
        {
            if (*module is not null)
                ForEachSection((ReadyToRunHeader*)*module, GCStaticRegion, &InitializeStatics);
        }
        for (void** module = modules; module < end; module++)
        {
            if (*module is not null)
                ForEachSection((ReadyToRunHeader*)*module, EagerClassConstructors, &RunInitializers);
        }
        for (void** module = modules; module < end; module++)
        {
            if (*module is not null)
                ForEachSection((ReadyToRunHeader*)*module, ModuleInitializers, &RunInitializers);
        }
    }

    private static void ForEachSection(ReadyToRunHeader* header, int sectionId, delegate*<byte*, byte*, void> action)
    {
        if (header->Signature != ReadyToRunSignature)
            Panic.Fail("module without a ReadyToRun header");
        ModuleSection* sections = (ModuleSection*)(header + 1);
        for (int i = 0; i < header->NumberOfSections; i++)
        {
            if (sections[i].SectionId == sectionId)
                action(sections[i].Start, sections[i].End);
        }
    }

    private static void* ReadRelativePointer(void* address) => (byte*)address + *(int*)address;

    // Each 32-bit relative entry leads to an 8-byte block: a relative pointer to the statics holder's
    // MethodTable (flags in its low bits) and, with preinitialized data, a relative pointer to it.
    // The block is then overwritten with the holder object itself, which generated code loads.
    private static void InitializeStatics(byte* start, byte* end)
    {
        for (byte* entry = start; entry < end; entry += sizeof(int))
        {
            nint* block = (nint*)ReadRelativePointer(entry);
            nint typeAndFlags = (nint)ReadRelativePointer(block);
            if ((typeAndFlags & StaticsUninitialized) == 0)
                continue;
            MethodTable* holderType = (MethodTable*)(typeAndFlags & ~(nint)StaticsFlagMask);
            byte* holderAddress = Heap.AllocateObjectMemory(holderType, holderType->BaseSize);
            if ((typeAndFlags & StaticsHavePreinitializedData) != 0)
            {
                byte* data = (byte*)ReadRelativePointer((int*)block + 1);
                // Everything after the object header and MethodTable pointer.
                nuint size = holderType->BaseSize - (nuint)(2 * sizeof(nint));
                System.SpanHelpers.Memmove(ref *(holderAddress + sizeof(nint)), ref *data, size);
            }
            *block = (nint)holderAddress;
        }
    }

    private static void RunInitializers(byte* start, byte* end)
    {
        for (byte* entry = start; entry < end; entry += sizeof(int))
            ((delegate*<void>)ReadRelativePointer(entry))();
    }
}
