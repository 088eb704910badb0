// How deep each stack has ever been: the boot stub paints both stacks, this reads where the paint stops.
using System.Runtime.InteropServices;

namespace Nano.Runtime.Native;

/// <summary>
/// High-water marks of the thread stack (SP_EL0, everything but handlers) and the exception stack (SP_EL1,
/// interrupt and fault handlers). A mark is the deepest byte ever written since boot, not the current depth.
/// </summary>
public static class StackUsage
{
    /// <summary>Bytes of the thread stack ever used.</summary>
    public static ulong ThreadUsed => NativeStackUsed(0);

    /// <summary>Size of the thread stack in bytes.</summary>
    public static ulong ThreadSize => NativeStackSize(0);

    /// <summary>The address just above the thread stack (where it starts growing down from).</summary>
    public static ulong ThreadTop => NativeStackTop(0);

    /// <summary>Bytes of the exception stack ever used.</summary>
    public static ulong ExceptionUsed => NativeStackUsed(1);

    /// <summary>Size of the exception stack in bytes.</summary>
    public static ulong ExceptionSize => NativeStackSize(1);

    // ---- Native shim ---------------------------------------------------------------------------

    [DllImport("*", EntryPoint = "nano_stack_used"), SuppressGCTransition]
    private static extern ulong NativeStackUsed(int exceptionStack);

    [DllImport("*", EntryPoint = "nano_stack_top"), SuppressGCTransition]
    private static extern ulong NativeStackTop(int exceptionStack);

    [DllImport("*", EntryPoint = "nano_stack_size"), SuppressGCTransition]
    private static extern ulong NativeStackSize(int exceptionStack);
}
