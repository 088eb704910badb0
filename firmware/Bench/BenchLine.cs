// One measured figure on the console: "bench,<key>,<value>,<unit>", the line ./nf bench reads.
using Nano.Runtime.Native;

namespace Bench;

internal static class BenchLine
{
    public static void Write(string key, ulong value, string unit)
    {
        Console.Write("bench,");
        Console.Write(key);
        Console.Write(',');
        Console.Write(value);
        Console.Write(',');
        Console.Write(unit);
        Console.Write('\n');
    }

    /// <summary>A key of three parts, "a.b.c", written without building a string.</summary>
    public static void Write(string a, string b, string c, ulong value, string unit)
    {
        Console.Write("bench,");
        Console.Write(a);
        Console.Write('.');
        Console.Write(b);
        Console.Write('.');
        Console.Write(c);
        Console.Write(',');
        Console.Write(value);
        Console.Write(',');
        Console.Write(unit);
        Console.Write('\n');
    }

    /// <summary>A key of four parts, "a.b.c.d", written without building a string.</summary>
    public static void Write(string a, string b, string c, string d, ulong value, string unit)
    {
        Console.Write("bench,");
        Console.Write(a);
        Console.Write('.');
        Console.Write(b);
        Console.Write('.');
        Console.Write(c);
        Console.Write('.');
        Console.Write(d);
        Console.Write(',');
        Console.Write(value);
        Console.Write(',');
        Console.Write(unit);
        Console.Write('\n');
    }

    /// <summary>A line the runner reports as a failed run: "bench-error,<what>".</summary>
    public static void Error(string what, int code)
    {
        Console.Write("bench-error,");
        Console.Write(what);
        Console.Write(' ');
        Console.Write(code);
        Console.Write('\n');
    }
}
