// Lets a test print to the console between the result lines (the runner passes such lines through).
using System;
namespace Nano.TestFramework;

public static class OutputHelper
{
    public static void WriteLine(string? text) => Nano.Runtime.Native.Console.WriteLine(text);

    public static void WriteLine(ReadOnlySpan<char> text) => Nano.Runtime.Native.Console.WriteLine(text);

    public static void Write(string? text) => Nano.Runtime.Native.Console.Write(text);

    public static void Write(ReadOnlySpan<char> text) => Nano.Runtime.Native.Console.Write(text);

    public static void Write(long value) => Nano.Runtime.Native.Console.Write(value);

    public static void Write(ulong value) => Nano.Runtime.Native.Console.Write(value);
}
