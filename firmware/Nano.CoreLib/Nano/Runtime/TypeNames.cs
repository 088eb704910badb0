// Type names for diagnostics: there is no reflection, so the image build links in a table mapping
using System;
// each MethodTable address to its name (generated from the compiler's symbols).
using Internal.Runtime;

namespace Nano.Runtime;

internal static unsafe class TypeNames
{
    /// <summary>The name of <paramref name="type"/>, or null when the table does not know it.</summary>
    public static byte* Find(MethodTable* type)
    {
        // Linear: the rows are in symbol order, not address order, and this runs only on a panic.
        nuint count;
        TypeNameEntry* table = NativeShim.TypeNames(&count);
        for (nuint i = 0; i < count; i++)
        {
            if (table[i].Type == type)
                return table[i].Name;
        }
        return null;
    }

    /// <summary>True when <paramref name="type"/> is System.Exception or derives from it (by name: slow path only).</summary>
    public static bool IsException(MethodTable* type)
    {
        if (type->IsParameterized)
            return false;
        for (MethodTable* current = type; current is not null; current = current->RelatedType)
        {
            byte* name = Find(current);
            if (name is not null && IsExceptionName(name))
                return true;
        }
        return false;
    }

    private static bool IsExceptionName(byte* name)
    {
        ReadOnlySpan<byte> expected = "System.Exception\0"u8;
        for (int i = 0; i < expected.Length; i++)
        {
            if (name[i] != expected[i])
                return false;
        }
        return true;
    }

    /// <summary>Writes the type's name to the console, or "MethodTable 0x..." when unknown.</summary>
    public static void Write(MethodTable* type)
    {
        byte* name = Find(type);
        if (name is not null)
        {
            Panic.WriteUtf8(name);
            return;
        }
        Span<char> digits = stackalloc char[16];
        ((ulong)type).TryFormat(digits, out int written, "X");
        Panic.WriteRaw("MethodTable 0x");
        Panic.WriteRaw(digits.Slice(0, written));
    }
}
