// Guest instructions per BASE PROTOCOL_VERSION round trip under -icount shift=0, send and completion apart.
using System;
using Nano.Runtime.Native;
using Nano.TestFramework;
using Scmi;
using Scmi.Transport.Tests;
using Scmi.Virtio;

namespace Scmi.Measure.Tests;

/// <summary>
/// With -icount shift=0 virtual time advances one nanosecond per guest instruction, so counter ticks convert
/// to instructions (ticks / frequency * 1e9). Send = Send() alone; completion = the interrupt handler's run
/// (interrupt mode) or the PollDone call that finds the reply (polling mode), plus FetchResponse and MarkTxDone.
/// Waiting for the platform (another process) is excluded: it is not work the transport does.
/// </summary>
[TestClass]
public class RoundTripCost
{
    private const int Rounds = 2000;
    private static ulong s_handlerTicks;
    private static ulong s_handlerRuns;

    private sealed class TimedInterrupt : InterruptHandler
    {
        public override void OnInterrupt(uint intid)
        {
            ulong start = Clock.Ticks;
            Channel.Transport!.HandleInterrupt();
            s_handlerTicks += Clock.Ticks - start;
            s_handlerRuns++;
        }
    }

    private static TimedInterrupt? s_timed;

    [Setup]
    public static void BringUp()
    {
        if (s_timed is null)
        {
            s_timed = new TimedInterrupt();
            Channel.Up();
        }
    }

    private static ulong Instructions(ulong ticks) => ticks * 1_000_000_000UL / Clock.Frequency;

    [TestMethod]
    public static void Interrupt_mode()
    {
        ScmiVirtioTransport t = Channel.Transport!;
        Interrupts.Register(Channel.Location.InterruptId, s_timed!);
        ulong sendTicks = 0, finishTicks = 0;
        s_handlerTicks = 0;
        s_handlerRuns = 0;
        Span<byte> values = stackalloc byte[4];
        for (int i = 0; i < Rounds; i++)
        {
            ulong start = Clock.Ticks;
            Channel.AssertOk(t.Send(ScmiHeader.Command(ScmiProtocolId.Base, 0), default, 4, 4, false, out ScmiMessageHandle h), "send");
            sendTicks += Clock.Ticks - start;
            while (!t.IsDone(h))
            {
            }
            start = Clock.Ticks;
            Channel.AssertOk(t.FetchResponse(h, out _, values, out _), "fetch");
            t.MarkTxDone(h, false);
            finishTicks += Clock.Ticks - start;
        }
        Report("irq send", sendTicks);
        Report("irq completion (handler)", s_handlerTicks);
        Report("irq completion (fetch + mark tx done)", finishTicks);
        // A reply that lands before the send lets go of the queues is taken there (counted in the send figure).
        Assert.IsTrue(s_handlerRuns > 0, "the interrupt handler ran");
        Console.Write("scmi-measure: interrupt handler runs: ");
        Console.Write((long)s_handlerRuns);
        Console.Write('\n');
        Channel.AssertNothingAllocated();
    }

    [TestMethod]
    public static void Polling_mode()
    {
        ScmiVirtioTransport t = Channel.Transport!;
        Interrupts.Disable(Channel.Location.InterruptId);
        ulong sendTicks = 0, pollTicks = 0, finishTicks = 0, polls = 0;
        Span<byte> values = stackalloc byte[4];
        for (int i = 0; i < Rounds; i++)
        {
            ulong start = Clock.Ticks;
            Channel.AssertOk(t.Send(ScmiHeader.Command(ScmiProtocolId.Base, 0), default, 4, 4, true, out ScmiMessageHandle h), "send");
            sendTicks += Clock.Ticks - start;
            while (true)
            {
                polls++;
                start = Clock.Ticks;
                bool done = t.PollDone(h);
                ulong spent = Clock.Ticks - start;
                if (done)
                {
                    pollTicks += spent;
                    break;
                }
            }
            start = Clock.Ticks;
            Channel.AssertOk(t.FetchResponse(h, out _, values, out _), "fetch");
            t.MarkTxDone(h, false);
            finishTicks += Clock.Ticks - start;
        }
        Interrupts.Enable(Channel.Location.InterruptId);
        Report("poll send", sendTicks);
        Report("poll completion (finding PollDone)", pollTicks);
        Report("poll completion (fetch + mark tx done)", finishTicks);
        OutputHelper.WriteLine("polls per round trip:");
        Console.Write((long)(polls / Rounds));
        Console.Write('\n');
        Channel.AssertNothingAllocated();
    }

    private static void Report(string what, ulong ticks)
    {
        Console.Write("scmi-measure: ");
        Console.Write(what);
        Console.Write(": ");
        Console.Write((long)(Instructions(ticks) / Rounds));
        Console.Write(" instructions per round trip\n");
    }
}
