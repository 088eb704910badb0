// Fail-fast reporting: "PANIC: <what>" plus detail lines, then exit code 2 (or escape to Recovery.Run).
using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using Internal.Runtime;

namespace Nano.Runtime;

/// <summary>
/// Ends the program on a broken invariant, or hands control back to an active recovery point (on the panicking
/// CPU). With several CPUs online one report is written at a time (a second CPU's panic waits until the first
/// escapes or ends the machine), the report names its CPU, and a panic that ends the machine stops the other
/// CPUs first.
/// </summary>
public static unsafe class Panic
{
    /// <summary>Exit code for a panic (docs/conventions.md §3).</summary>
    public const int ExitCode = 2;

    /// <summary>Longer reasons are kept cut to this many characters (the console line is not).</summary>
    public const int ReasonCapacity = 120;

    private static int s_nesting;
    private static int s_reportingCpu;   // CPU index + 1 of the CPU writing a report, 0 = none

    // The text after "PANIC: " on the last header, kept in fixed storage (no heap: the heap may be the
    // reason) so a recovery point's owner can name the panic it came back from.
    [InlineArray(ReasonCapacity)]
    private struct ReasonStorage
    {
        private char _first;
    }

    private static ReasonStorage s_reason;
    private static int s_reasonLength;
    private static bool s_recordingReason;

    /// <summary>The &lt;what&gt; of the last "PANIC: &lt;what&gt;" line (ASCII, as printed), empty before any panic.</summary>
    public static ReadOnlySpan<char> LastReason => ReasonBuffer.Slice(0, s_reasonLength);

    private static Span<char> ReasonBuffer => MemoryMarshal.CreateSpan(ref Unsafe.As<ReasonStorage, char>(ref s_reason), ReasonCapacity);

    /// <summary>Prints "PANIC: <paramref name="what"/>" and stops.</summary>
    [DoesNotReturn]
    public static void Fail(ReadOnlySpan<char> what)
    {
        WriteHeader(what);
        Stop();
    }

    /// <summary>First line of a panic report. A panic raised while reporting one exits at once.</summary>
    public static void WriteHeader(ReadOnlySpan<char> what)
    {
        WriteHeaderStart(what);
        Write("\n");
        if (OnlineCpus > 1)
        {
            Span<char> digits = stackalloc char[11];
            NativeShim.CpuIndex().TryFormat(digits, out int written);
            WriteDetail("cpu", digits.Slice(0, written));
        }
    }

    private static int OnlineCpus => Volatile.Read(ref *NativeShim.OnlineCpuWord());

    // One report at a time: the shared reason and nesting state belong to the CPU that claimed them. A CPU that
    // panics while another reports waits (interrupts masked) until that one escapes or ends the machine.
    private static void ClaimReport()
    {
        int self = (int)NativeShim.CpuIndex() + 1;
        if (Volatile.Read(ref s_reportingCpu) == self)
            return;
        while (Interlocked.CompareExchange(ref s_reportingCpu, self, 0) != 0)
        {
        }
    }

    /// <summary>"PANIC: <paramref name="what"/>" without the line end, for a header completed by the caller.</summary>
    internal static void WriteHeaderStart(ReadOnlySpan<char> what)
    {
        // A report runs with interrupts masked from its first line: no handler's output lands inside it,
        // and no handler's panic starts over the one being written (the shared reason and nesting
        // state). The escape to Recovery.Run restores the masks Run began with; an exit needs none.
        NativeShim.DisableInterrupts();
        ClaimReport();
        if (++s_nesting > 2)
            NativeShim.PowerExit(ExitCode);
        Write("PANIC: ");
        s_reasonLength = 0;
        s_recordingReason = true;
        Write(what);
    }

    // Header text goes to LastReason as well, up to the header's line end.
    private static void RecordReason(byte c)
    {
        if (!s_recordingReason)
            return;
        if (c == (byte)'\n')
        {
            s_recordingReason = false;
            return;
        }
        if (s_reasonLength < ReasonCapacity)
            ReasonBuffer[s_reasonLength++] = (char)c;
    }

    internal static void WriteRaw(ReadOnlySpan<char> text) => Write(text);

    /// <summary>A detail line: "  <paramref name="label"/>: 0x<paramref name="value"/>".</summary>
    public static void WriteDetail(ReadOnlySpan<char> label, ulong value)
    {
        Span<char> digits = stackalloc char[16];
        value.TryFormat(digits, out int written, "X16");
        Write("  ");
        Write(label);
        Write(": 0x");
        Write(digits.Slice(0, written));
        Write("\n");
    }

    /// <summary>A detail line of text: "  <paramref name="label"/>: <paramref name="text"/>".</summary>
    public static void WriteDetail(ReadOnlySpan<char> label, ReadOnlySpan<char> text)
    {
        Write("  ");
        Write(label);
        Write(": ");
        Write(text);
        Write("\n");
    }

    /// <summary>A detail line whose text is NUL-terminated UTF-8 (for example a type name from the image).</summary>
    internal static void WriteDetailUtf8(ReadOnlySpan<char> label, byte* text)
    {
        Write("  ");
        Write(label);
        Write(": ");
        WriteUtf8(text);
        Write("\n");
    }

    /// <summary>Escapes to this CPU's innermost Recovery.Run with code 2 when one is active, else stops the other
    /// CPUs and exits with 2.</summary>
    [DoesNotReturn]
    public static void Stop()
    {
        s_nesting = 0;
        s_recordingReason = false;
        if (NativeShim.RecoveryDepth() > 0)
        {
            Volatile.Write(ref s_reportingCpu, 0);
            NativeShim.RecoveryEscape(ExitCode);
        }
        int others = OnlineCpus - 1;
        if (others > 0)
        {
            // "  CPU 2 stopped the other CPUs: 3 of 3": one line naming who stopped the machine and how many answered.
            int stopped = NativeShim.StopOtherCpus();
            Span<char> line = stackalloc char[64];
            int length = Append(line, 0, "  CPU ");
            NativeShim.CpuIndex().TryFormat(line.Slice(length), out int written);
            length = Append(line, length + written, " stopped the other CPUs: ");
            stopped.TryFormat(line.Slice(length), out written);
            length = Append(line, length + written, " of ");
            others.TryFormat(line.Slice(length), out written);
            length = Append(line, length + written, "\n");
            Write(line.Slice(0, length));
        }
        NativeShim.PowerExit(ExitCode);
        while (true) { }
    }

    private static int Append(Span<char> line, int length, ReadOnlySpan<char> text)
    {
        text.CopyTo(line.Slice(length));
        return length + text.Length;
    }

    internal static void WriteUtf8(byte* text)
    {
        nuint length = 0;
        while (text[length] != 0)
        {
            RecordReason(text[length] < 0x80 ? text[length] : (byte)'?');
            length++;
        }
        NativeShim.ConsoleWrite(text, length);
    }

    // ASCII only (non-ASCII becomes '?'): panic text is ours, and this path must not depend on anything.
    internal static void Write(ReadOnlySpan<char> text)
    {
        byte* chunk = stackalloc byte[64];
        int filled = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            byte ascii = c < 0x80 ? (byte)c : (byte)'?';
            RecordReason(ascii);
            chunk[filled++] = ascii;
            if (filled == 64)
            {
                NativeShim.ConsoleWrite(chunk, (nuint)filled);
                filled = 0;
            }
        }
        if (filled > 0)
            NativeShim.ConsoleWrite(chunk, (nuint)filled);
    }
}
