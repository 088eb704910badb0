// The one message of the test that is ending: written by Assert into fixed storage (no heap, so a
// failing test cannot run the allocator out or trip the heap seal), read by the runner for its line.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Nano.TestFramework;

internal static class FailureMessage
{
    /// <summary>Longer messages are cut and end in "..."; a result line stays one readable line.</summary>
    public const int Capacity = 240;

    [InlineArray(Capacity)]
    private struct Storage
    {
        private char _first;
    }

    private static Storage s_storage;
    private static int s_length;

    public static ReadOnlySpan<char> Text => Buffer.Slice(0, s_length);

    private static Span<char> Buffer => MemoryMarshal.CreateSpan(ref Unsafe.As<Storage, char>(ref s_storage), Capacity);

    public static void Clear() => s_length = 0;

    /// <summary>Appends text; line breaks and commas' neighbours stay, but a line break becomes a space
    /// because the result line format is one line per result.</summary>
    public static void Append(ReadOnlySpan<char> text)
    {
        Span<char> buffer = Buffer;
        for (int i = 0; i < text.Length; i++)
        {
            if (s_length == Capacity)
            {
                buffer[Capacity - 3] = '.';
                buffer[Capacity - 2] = '.';
                buffer[Capacity - 1] = '.';
                return;
            }
            char c = text[i];
            buffer[s_length++] = c is '\n' or '\r' ? ' ' : c;
        }
    }

    public static void Append(char value)
    {
        Span<char> one = stackalloc char[1];
        one[0] = value;
        Append(one);
    }

    public static void Append(long value)
    {
        Span<char> digits = stackalloc char[20];
        value.TryFormat(digits, out int written);
        Append(digits.Slice(0, written));
    }

    public static void Append(ulong value)
    {
        Span<char> digits = stackalloc char[20];
        value.TryFormat(digits, out int written);
        Append(digits.Slice(0, written));
    }

    public static void Append(bool value) => Append(value ? "true" : "false");

    /// <summary>Text as a quoted value: "abc", or null.</summary>
    public static void AppendQuoted(ReadOnlySpan<char> text, bool isNull)
    {
        if (isNull)
        {
            Append("null");
            return;
        }
        Append('"');
        Append(text);
        Append('"');
    }

    /// <summary>" (expression)" after a value, when the caller's expression is known.</summary>
    public static void AppendExpression(string? expression)
    {
        if (string.IsNullOrEmpty(expression))
            return;
        Append(" (");
        Append(expression);
        Append(")");
    }

    /// <summary>"; message" after the standard text, when the test gave one.</summary>
    public static void AppendUserMessage(string? message)
    {
        if (string.IsNullOrEmpty(message))
            return;
        Append("; ");
        Append(message);
    }
}
