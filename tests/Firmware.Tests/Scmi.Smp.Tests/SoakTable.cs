// The soak's figures on the serial console: totals with units, one row per CPU, the transport's counters.
using Nano.Runtime.Native;
using Runtime.Smp.Tests;

namespace Scmi.Smp.Tests;

/// <summary>Prints lines starting <c>scmi-smp:</c> (passed through by the runner); allocation-free.</summary>
internal static class SoakTable
{
    private const int Width = 11;

    public static void Print(string run, ulong wallMicroseconds, in TransportFigures delta, ulong lateWaitMicroseconds)
    {
        ulong wallMilliseconds = wallMicroseconds / 1000;
        ulong perSecond = wallMicroseconds == 0 ? 0 : (ulong)Poller.CommandCount * 1_000_000UL / wallMicroseconds;
        Console.Write("scmi-smp: ");
        Console.Write(run);
        Console.Write(": commands ");
        Console.Write((long)Poller.CommandCount);
        Console.Write(", wall ");
        Console.Write(wallMilliseconds);
        Console.Write(" ms, ");
        Console.Write(perSecond);
        Console.Write(" commands/s, late replies collected ");
        Console.Write(lateWaitMicroseconds / 1000);
        Console.Write(" ms after the last command ended\n");

        Console.Write("scmi-smp:  cpu");
        Header("sent");
        Header("ok");
        Header("timed out");
        Header("busy retry");
        Header("by irq");
        Header("wrong");
        Console.Write('\n');
        for (int cpu = 0; cpu < Parallel.Cpus; cpu++)
        {
            Console.Write("scmi-smp:  ");
            Cell(cpu, 3);
            Cell(Poller.Tally(cpu, Poller.Sent), Width);
            Cell(Poller.Tally(cpu, Poller.Ok), Width);
            Cell(Poller.Tally(cpu, Poller.TimedOut), Width);
            Cell(Poller.Tally(cpu, Poller.BusyRetries), Width);
            Cell(Poller.Tally(cpu, Poller.ByInterrupt), Width);
            Cell(Poller.Tally(cpu, Poller.WrongReplies), Width);
            Console.Write('\n');
        }

        Console.Write("scmi-smp: transport (counts)");
        Pair("Sent", delta.Sent);
        Pair("Replied", delta.Replied);
        Pair("Polled", delta.Polled);
        Pair("Deferred", delta.Deferred);
        Pair("Interrupts", delta.Interrupts);
        Pair("HandedOver", delta.HandedOver);
        Pair("TimedOut", delta.TimedOut);
        Pair("Late", delta.Late);
        Pair("Busy", delta.Busy);
        Pair("Unexpected", delta.Unexpected);
        Pair("Malformed", delta.Malformed);
        Pair("RingResets", delta.RingResets);
        Console.Write('\n');
        Console.Write("scmi-smp: replies that beat their sender's give-up (Replied - ok, each also Late) ");
        Console.Write((long)delta.Replied - Poller.Total(Poller.Ok));
        Console.Write('\n');

        if (Poller.FirstWrongCommand >= 0)
        {
            Console.Write("scmi-smp: first wrong end: command ");
            Console.Write((long)Poller.FirstWrongCommand);
            Console.Write(" kind ");
            Console.Write((long)Poller.FirstWrongKind);
            Console.Write(" (1 send refused, 2 fetch failed, 3 status, 4 content) detail ");
            Console.Write((long)Poller.FirstWrongDetail);
            Console.Write('\n');
        }
    }

    private static void Header(string title)
    {
        for (int i = title.Length; i < Width; i++)
            Console.Write(' ');
        Console.Write(title);
    }

    private static void Cell(long value, int width)
    {
        int digits = 1;
        for (long rest = value / 10; rest != 0; rest /= 10)
            digits++;
        for (int i = digits; i < width; i++)
            Console.Write(' ');
        Console.Write(value);
    }

    private static void Pair(string name, ulong value)
    {
        Console.Write(' ');
        Console.Write(name);
        Console.Write(' ');
        Console.Write(value);
    }
}
