// Char: the `char` primitive (a UTF-16 code unit).
namespace System;

public readonly struct Char
{
    private readonly char m_value;

    public const char MinValue = (char)0;
    public const char MaxValue = (char)0xFFFF;

    public bool Equals(char obj) => m_value == obj;

    public static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    public static bool IsAsciiHexDigit(char c) => (uint)(c - '0') <= 9 || (uint)((c | 0x20) - 'a') <= 5;

    public static bool IsAscii(char c) => c <= 0x7F;
}
