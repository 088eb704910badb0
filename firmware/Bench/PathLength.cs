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
/// wait = done-checks that find nothing, the clock reads and spins of the wait loop and the loop's own turns
/// between them (time the platform takes, spent spinning); agent = the rest of Invoke (the agent core and ScmiExchange). Every measured
/// interval costs its caller a fixed number of instructions, calibrated here and taken out.
/// Not counted: the exception vector's entry and exit around the interrupt handler.
/// </summary>
internal static class PathLength
{
    private static uint s_interruptId;
    private static PathSamples s_samples = null!;

    public static bool Run(ScmiAgent agent, uint interruptId, PathSamples samples, int rounds)
    {
        s_interruptId = interruptId;
        s_samples = samples;
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

        // Per round: which code runs depends on when the reply lands (a reply that arrives while Send still
        // holds the queues is taken there), so the median round is the typical path and the mean the average.
        long empty = (long)emptyTicks;
        long sendSum = 0, completionSum = 0, agentSum = 0, waitSum = 0, interrupts = 0;
        for (int i = 0; i < rounds; i++)
        {
            PathCounters.Clear();
            ulong start = PathCounters.Stamp(out ulong handler);
            ScmiResult result = agent.Invoke(command.Protocol, command.MessageId, parameters, returnValues, out _, command.MinimumReturnBytes, completion);
            long round = (long)PathCounters.Since(start, handler);
            if (!result.IsSuccess)
                return Fail(command, mode);
            // A reading of B ticks of work reads B + empty; it costs the round around it its reading + wrapper extra.
            long send = (long)PathCounters.SendTicks - (long)PathCounters.SendReadings * empty;
            long completionTicks = (long)PathCounters.CompletionTicks - (long)PathCounters.CompletionReadings * empty
                + (long)PathCounters.HandlerTicks - (long)PathCounters.HandlerRuns * empty;
            // A gap between two waiting readings holds the wait loop's turn and one reading's wrapper extra.
            long loopTurns = (long)PathCounters.WaitGapTicks - (long)PathCounters.WaitGaps * (long)wrapperExtraTicks;
            long wait = (long)PathCounters.WaitTicks - (long)PathCounters.WaitReadings * empty + loopTurns;
            long agentOwn = round - empty - (long)PathCounters.Readings * (long)wrapperExtraTicks
                - (long)PathCounters.SendTicks - (long)PathCounters.CompletionTicks - (long)PathCounters.WaitTicks - loopTurns;
            s_samples.Send[i] = Positive(send);
            s_samples.Completion[i] = Positive(completionTicks);
            s_samples.Agent[i] = Positive(agentOwn);
            s_samples.Work[i] = Positive(send + completionTicks + agentOwn);
            s_samples.Wait[i] = Positive(wait);
            sendSum += send;
            completionSum += completionTicks;
            agentSum += agentOwn;
            waitSum += wait;
            interrupts += (long)PathCounters.HandlerRuns;
        }

        Report(mode, command.Name, "send", s_samples.Send, rounds, sendSum);
        Report(mode, command.Name, "completion", s_samples.Completion, rounds, completionSum);
        Report(mode, command.Name, "agent", s_samples.Agent, rounds, agentSum);
        Report(mode, command.Name, "total", s_samples.Work, rounds, sendSum + completionSum + agentSum);
        Report(mode, command.Name, "wait", s_samples.Wait, rounds, waitSum);
        BenchLine.Write("path", mode, command.Name, "interrupts", (ulong)interrupts * 1000 / (ulong)rounds, "per-1000-round-trips");
        return true;
    }

    /// <summary>"path.MODE.COMMAND.PART" is the median round, "...PART.mean" the mean, both in instructions.</summary>
    private static void Report(string mode, string command, string part, ulong[] samples, int rounds, long sum)
    {
        Span<ulong> taken = samples.AsSpan(0, rounds);
        Percentiles.Sort(taken);
        BenchLine.Write("path", mode, command, part, Instructions(Percentiles.Of(taken, 50), 1), "instructions");
        Console.Write("bench,path.");
        Console.Write(mode);
        Console.Write('.');
        Console.Write(command);
        Console.Write('.');
        Console.Write(part);
        Console.Write(".mean,");
        Console.Write(Instructions(sum, rounds));
        Console.Write(",instructions\n");
    }

    private static ulong Positive(long ticks) => ticks > 0 ? (ulong)ticks : 0;

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
