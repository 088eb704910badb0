// How the shell prints: whole lines from a LineBuilder, one-line errors, and the decoded result of a failed SCMI call.
using System;
using App.Format;
using Nano.Runtime.Native;
using Scmi;

namespace App.Shell;

/// <summary>Console output of shell commands. Every error is one line starting "error: ".</summary>
public static class ShellOutput
{
    /// <summary>The widest line a command builds.</summary>
    public const int LineCapacity = 160;

    private static ulong s_errorLines;

    /// <summary>Error lines printed since start (stats).</summary>
    public static ulong ErrorLines => s_errorLines;

    /// <summary>Writes the built line and a new line.</summary>
    public static void Line(ref LineBuilder line) => Console.WriteLine(line.Text);

    /// <summary>"error: <paramref name="message"/>".</summary>
    public static ShellOutcome Error(string message)
    {
        s_errorLines++;
        Console.Write("error: ");
        Console.WriteLine(message);
        return ShellOutcome.Continue;
    }

    /// <summary>"error: <paramref name="message"/> '<paramref name="word"/>'".</summary>
    public static ShellOutcome Error(string message, ReadOnlySpan<char> word)
    {
        s_errorLines++;
        Console.Write("error: ");
        Console.Write(message);
        Console.Write(" '");
        Console.Write(word);
        Console.WriteLine("'");
        return ShellOutcome.Continue;
    }

    /// <summary>"error: <paramref name="what"/>: NOT_FOUND (platform)" — the result's status and who reported it.</summary>
    public static ShellOutcome Failed(string what, ScmiResult result)
    {
        s_errorLines++;
        Console.Write("error: ");
        Console.Write(what);
        Console.Write(": ");
        Console.Write(ScmiStatusNames.Describe(result));
        Console.Write(" (");
        Console.Write(ScmiStatusNames.Source(result));
        Console.WriteLine(")");
        return ShellOutcome.Continue;
    }
}
