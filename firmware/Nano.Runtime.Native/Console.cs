// Console output over the board's debug UART (PL011 on qemu-virt): polled, allocation-free.
using System;
using System.Runtime.InteropServices;

namespace Nano.Runtime.Native;

/// <summary>Text output to the serial console. Safe to call from interrupt handlers (lines may interleave).</summary>
// Safety: the UART is fed from a stackalloc'd chunk indexed below its size (EncodeUtf8 writes at most 4
// bytes and the chunk is flushed above 124 of 128), or from a span pinned by fixed for the call.
public static unsafe class Console
{
    /// <summary>Writes <paramref name="text"/> encoded as UTF-8.</summary>
    public static void Write(ReadOnlySpan<char> text)
    {
        byte* chunk = stackalloc byte[128];
        int filled = 0;
        for (int i = 0; i < text.Length; i++)
        {
            uint codePoint = text[i];
            // A surrogate pair becomes one 4-byte sequence; a lone surrogate becomes U+FFFD.
            if (codePoint - 0xD800u <= 0x7FFu)
            {
                if (codePoint <= 0xDBFFu && i + 1 < text.Length && (uint)(text[i + 1] - 0xDC00u) <= 0x3FFu)
                    codePoint = 0x10000u + ((codePoint - 0xD800u) << 10) + (uint)(text[++i] - 0xDC00u);
                else
                    codePoint = 0xFFFDu;
            }
            if (filled > 124)
            {
                NativeWrite(chunk, (nuint)filled);
                filled = 0;
            }
            filled += EncodeUtf8(codePoint, chunk + filled);
        }
        if (filled > 0)
            NativeWrite(chunk, (nuint)filled);
    }

    /// <summary>Writes <paramref name="text"/>; null writes nothing.</summary>
    public static void Write(string? text) => Write((ReadOnlySpan<char>)text);

    /// <summary>Writes one character.</summary>
    public static void Write(char value) => Write(new ReadOnlySpan<char>(in value));

    /// <summary>Writes bytes as they are (already UTF-8 or ASCII).</summary>
    public static void WriteUtf8(ReadOnlySpan<byte> bytes)
    {
        fixed (byte* pointer = bytes)
            NativeWrite(pointer, (nuint)bytes.Length);
    }

    /// <summary>Writes <paramref name="value"/> in decimal.</summary>
    public static void Write(int value) => Write((long)value, default);

    /// <summary>Writes <paramref name="value"/> in decimal.</summary>
    public static void Write(uint value) => Write((ulong)value, default);

    /// <summary>Writes <paramref name="value"/> in decimal.</summary>
    public static void Write(long value) => Write(value, default);

    /// <summary>Writes <paramref name="value"/> in decimal.</summary>
    public static void Write(ulong value) => Write(value, default);

    /// <summary>Writes <paramref name="value"/> with a .NET integer format: "D", "X8", "x"...</summary>
    public static void Write(long value, ReadOnlySpan<char> format)
    {
        Span<char> digits = stackalloc char[130];
        if (value.TryFormat(digits, out int written, format))
            Write(digits.Slice(0, written));
    }

    /// <summary>Writes <paramref name="value"/> with a .NET integer format: "D", "X8", "x"...</summary>
    public static void Write(ulong value, ReadOnlySpan<char> format)
    {
        Span<char> digits = stackalloc char[130];
        if (value.TryFormat(digits, out int written, format))
            Write(digits.Slice(0, written));
    }

    /// <summary>Writes <paramref name="value"/> as "0x" and at least <paramref name="minimumDigits"/> upper-case hex digits.</summary>
    public static void WriteHex(ulong value, int minimumDigits = 1)
    {
        Span<char> format = stackalloc char[3];
        format[0] = 'X';
        int formatLength = 1;
        if (minimumDigits > 1)
        {
            int digits = Math.Min(minimumDigits, 16);
            if (digits >= 10)
                format[formatLength++] = (char)('0' + digits / 10);
            format[formatLength++] = (char)('0' + digits % 10);
        }
        Write("0x");
        Write(value, format.Slice(0, formatLength));
    }

    /// <summary>Ends the line.</summary>
    public static void WriteLine() => Write('\n');

    /// <summary>Writes <paramref name="text"/> and ends the line.</summary>
    public static void WriteLine(ReadOnlySpan<char> text)
    {
        Write(text);
        Write('\n');
    }

    /// <summary>Writes <paramref name="text"/> and ends the line.</summary>
    public static void WriteLine(string? text) => WriteLine((ReadOnlySpan<char>)text);

    /// <summary>Writes "True" or "False".</summary>
    public static void Write(bool value) => Write(value ? "True" : "False");

    public static void WriteLine(char value) { Write(value); WriteLine(); }
    public static void WriteLine(bool value) { Write(value); WriteLine(); }
    public static void WriteLine(int value) { Write(value); WriteLine(); }
    public static void WriteLine(uint value) { Write(value); WriteLine(); }
    public static void WriteLine(long value) { Write(value); WriteLine(); }
    public static void WriteLine(ulong value) { Write(value); WriteLine(); }

    private static int EncodeUtf8(uint codePoint, byte* destination)
    {
        if (codePoint < 0x80)
        {
            destination[0] = (byte)codePoint;
            return 1;
        }
        if (codePoint < 0x800)
        {
            destination[0] = (byte)(0xC0 | (codePoint >> 6));
            destination[1] = (byte)(0x80 | (codePoint & 0x3F));
            return 2;
        }
        if (codePoint < 0x10000)
        {
            destination[0] = (byte)(0xE0 | (codePoint >> 12));
            destination[1] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
            destination[2] = (byte)(0x80 | (codePoint & 0x3F));
            return 3;
        }
        destination[0] = (byte)(0xF0 | (codePoint >> 18));
        destination[1] = (byte)(0x80 | ((codePoint >> 12) & 0x3F));
        destination[2] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
        destination[3] = (byte)(0x80 | (codePoint & 0x3F));
        return 4;
    }

    // ---- Native shim -----------------------------------------------------------------------

    [DllImport("*", EntryPoint = "nano_uart_write"), SuppressGCTransition]
    private static extern void NativeWrite(byte* bytes, nuint length);
}
