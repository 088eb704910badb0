// Item 1 of ./nf bench: guest instructions per agent round trip under -icount shift=0, send, completion and waiting apart.
using System;
using Nano.Runtime.Native;
using Scmi;

namespace Bench;

/// <summary>
/// With -icount shift=0 virtual time advances one nanosecond per guest instruction, so counter ticks
/// convert to instructions (ticks × 10⁹ / frequency). Each round trip is one <see cref="ScmiAgent.Invoke"/>
/// through <see cref="TimedTransport"/> and <see cref="TimedClock"/>: send = inside the transport's Send;
/// completion = the interrupt handler, the done-check that finds the reply, FetchResponse and MarkTxDone;
/// wait = done-checks that find nothing and the clock reads and spins of the wait loop (time the platform
/// takes, spent spinning); agent = the rest of Invoke (the agent core and ScmiExchange). Every measured
/// interval costs its caller a fixed number of instructions, calibrated here and taken out.
/// Not counted: the exception vector's entry and exit around the interrupt handler.
/// </summary>
internal static class PathLength
{
    private static uint s_interruptId;

    public static bool Run(ScmiAgent agent, uint interruptId, int rounds)
    {
        s_interruptId = interruptId;
        Calibrate(out ulong emptyTicks, out ulong wrapperExtraTicks);
        BenchLine.Write("path.measurement.empty", Instructions(emptyTicks, 1), "instructions");
        BenchLine.Write("path.measurement.wrapper", Instructions(wrapperExtraTicks, 1), "instructions");
        return Measure(agent, BenchCommand.BaseVersion, rounds, emptyTicks, wrapperExtraTicks)
            && Measure(agent, BenchCommand.SensorReading, rounds, emptyTicks, wrapperExtraTicks)
            && Measure(agent, BenchCommand.ClockRate, rounds, emptyTicks, wrapperExtraTicks);
    }

    private static bool Measure(ScmiAgent agent, BenchCommand command, int rounds, ulong emptyTicks, ulong wrapperExtraTicks)
    {
        if (!Measure(agent, command, rounds, ScmiCompletion.Interrupt, "irq", emptyTicks, wrapperExtraTicks))
            return false;
        // Polling alone: with the device's interrupt masked the handler cannot take the reply first.
        Interrupts.Disable(s_interruptId);
        bool ok = Measure(agent, command, rounds, ScmiCompletion.Poll, "poll", emptyTicks, wrapperExtraTicks);
        Interrupts.Enable(s_interruptId);
        return ok;
    }

    private static bool Measure(ScmiAgent agent, BenchCommand command, int rounds, ScmiCompletion completion, string mode,
        ulong emptyTicks, ulong wrapperExtraTicks)
    {
        Span<byte> parameterBuffer = stackalloc byte[8];
        Span<byte> values = stackalloc byte[16];
        ReadOnlySpan<byte> parameters = command.Parameters(parameterBuffer);
        Span<byte> returnValues = values.Slice(0, command.ReturnBytes);
        // Warm the caches and the branch state the same way for every figure.
        for (int i = 0; i < 16; i++)
        {
            if (!agent.Invoke(command.Protocol, command.MessageId, parameters, returnValues, out _, command.MinimumReturnBytes, completion).IsSuccess)
                return Fail(command, mode);
        }

        PathCounters.Clear();
        ulong totalTicks = 0;
        for (int i = 0; i < rounds; i++)
        {
            ulong start = PathCounters.Stamp(out ulong handler);
            ScmiResult result = agent.Invoke(command.Protocol, command.MessageId, parameters, returnValues, out _, command.MinimumReturnBytes, completion);
            totalTicks += PathCounters.Since(start, handler);
            if (!result.IsSuccess)
                return Fail(command, mode);
        }
        // A reading of B ticks of work reads B + empty; it costs the round around it its reading + wrapper extra.
        long empty = (long)emptyTicks;
        long send = (long)PathCounters.SendTicks - (long)PathCounters.SendReadings * empty;
        long completionTicks = (long)PathCounters.CompletionTicks - (long)PathCounters.CompletionReadings * empty
            + (long)PathCounters.HandlerTicks - (long)PathCounters.HandlerRuns * empty;
        long wait = (long)PathCounters.WaitTicks - (long)PathCounters.WaitReadings * empty;
        long agentOwn = (long)totalTicks - rounds * empty - (long)PathCounters.Readings * (long)wrapperExtraTicks
            - (long)PathCounters.SendTicks - (long)PathCounters.CompletionTicks - (long)PathCounters.WaitTicks;

        BenchLine.Write("path", mode, command.Name, "send", Instructions(send, rounds), "instructions");
        BenchLine.Write("path", mode, command.Name, "completion", Instructions(completionTicks, rounds), "instructions");
        BenchLine.Write("path", mode, command.Name, "agent", Instructions(agentOwn, rounds), "instructions");
        BenchLine.Write("path", mode, command.Name, "total", Instructions(send + completionTicks + agentOwn, rounds), "instructions");
        BenchLine.Write("path", mode, command.Name, "wait", Instructions(wait, rounds), "instructions");
        BenchLine.Write("path", mode, command.Name, "interrupts", PathCounters.HandlerRuns * 1000 / (ulong)rounds, "per-1000-round-trips");
        return true;
    }

    /// <summary>
    /// <paramref name="emptyTicks"/>: what a measured interval around nothing reads. <paramref name="wrapperExtraTicks"/>:
    /// what a measured call costs the interval around it beyond its own reading.
    /// </summary>
    private static void Calibrate(out ulong emptyTicks, out ulong wrapperExtraTicks)
    {
        const int Rounds = 4096;
        PathCounters.Clear();
        ulong outer = 0;
        for (int i = 0; i < Rounds; i++)
        {
            ulong start = PathCounters.Stamp(out ulong handler);
            TimedTransport.MeasureNothing();
            outer += PathCounters.Since(start, handler);
        }
        ulong innerReading = PathCounters.WaitTicks;  // MeasureNothing books as waiting
        PathCounters.Clear();
        ulong empty = 0;
        for (int i = 0; i < Rounds; i++)
        {
            ulong start = PathCounters.Stamp(out ulong handler);
            empty += PathCounters.Since(start, handler);
        }
        emptyTicks = empty / Rounds;
        // outer = empty + extra + inner reading, per round.
        long extra = ((long)outer - (long)empty - (long)innerReading) / Rounds;
        wrapperExtraTicks = extra > 0 ? (ulong)extra : 0;
        PathCounters.Clear();
    }

    private static ulong Instructions(long ticks, int rounds) => ticks <= 0 ? 0 : Instructions((ulong)ticks, rounds);

    private static ulong Instructions(ulong ticks, int rounds) => ticks * 1_000_000_000UL / Clock.Frequency / (ulong)rounds;

    private static bool Fail(BenchCommand command, string mode)
    {
        Console.Write("bench-error,");
        Console.Write(command.Name);
        Console.Write(' ');
        Console.Write(mode);
        Console.Write(" round trip failed\n");
        return false;
    }
}
