// RuntimeHelpers: array initialisation (intrinsic: ilc emits the data directly) and small queries.
namespace System.Runtime.CompilerServices;

public static class RuntimeHelpers
{
    [Intrinsic]
    public static void InitializeArray(Array array, RuntimeFieldHandle fldHandle) { }

    [Intrinsic]
    public static unsafe ReadOnlySpan<T> CreateSpan<T>(RuntimeFieldHandle fldHandle) => default;

    [Intrinsic]
    public static bool IsReferenceOrContainsReferences<T>() => IsReferenceOrContainsReferences<T>();

    public static unsafe int OffsetToStringData => sizeof(int) + sizeof(nint);
}
