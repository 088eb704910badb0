// Item 2 of ./nf bench: round-trip time through the agent, p50/p90/p99 over many commands (booted without -icount).
using System;
using Nano.Runtime.Native;
using Scmi;

namespace Bench;

/// <summary>
/// One sample per <see cref="ScmiAgent.Invoke"/>, read from the generic timer (62.5 MHz: 16 ns steps) around
/// the call: send, the platform's turn through QEMU and vhost-user, completion. Wall-clock, so the figures
/// move with the host's load; the runner reports them with their spread and as ratios taken in one run.
/// </summary>
internal static class Latency
{
    public static bool Run(ScmiAgent agent, uint interruptId, ulong[] samples, int rounds)
    {
        return Measure(agent, samples, rounds, BenchCommand.BaseVersion, ScmiCompletion.Interrupt, "irq")
            && MeasurePolling(agent, samples, rounds, BenchCommand.BaseVersion, interruptId)
            && Measure(agent, samples, rounds, BenchCommand.SensorReading, ScmiCompletion.Interrupt, "irq")
            && Measure(agent, samples, rounds, BenchCommand.ClockRate, ScmiCompletion.Interrupt, "irq");
    }

    /// <summary>Polling alone: the device's interrupt masked, so the handler cannot take the reply first.</summary>
    private static bool MeasurePolling(ScmiAgent agent, ulong[] samples, int rounds, BenchCommand command, uint interruptId)
    {
        Interrupts.Disable(interruptId);
        bool ok = Measure(agent, samples, rounds, command, ScmiCompletion.Poll, "poll");
        Interrupts.Enable(interruptId);
        return ok;
    }

    private static bool Measure(ScmiAgent agent, ulong[] samples, int rounds, BenchCommand command, ScmiCompletion completion, string mode)
    {
        Span<byte> parameterBuffer = stackalloc byte[8];
        Span<byte> values = stackalloc byte[16];
        ReadOnlySpan<byte> parameters = command.Parameters(parameterBuffer);
        Span<byte> returnValues = values.Slice(0, command.ReturnBytes);
        Span<ulong> taken = samples.AsSpan(0, rounds);
        for (int i = 0; i < 64; i++)
        {
            if (!agent.Invoke(command.Protocol, command.MessageId, parameters, returnValues, out _, command.MinimumReturnBytes, completion).IsSuccess)
                return false;
        }
        ulong started = Clock.Ticks;
        for (int i = 0; i < rounds; i++)
        {
            ulong start = Clock.Ticks;
            ScmiResult result = agent.Invoke(command.Protocol, command.MessageId, parameters, returnValues, out _, command.MinimumReturnBytes, completion);
            taken[i] = Clock.Ticks - start;
            if (!result.IsSuccess)
            {
                BenchLine.Error("latency round trip failed", (int)result.Transport * 1000 + (int)result.Status);
                return false;
            }
        }
        ulong elapsed = Clock.Ticks - started;
        Percentiles.Sort(taken);
        BenchLine.Write("latency", mode, command.Name, "p50", Nanoseconds(Percentiles.Of(taken, 50)), "ns");
        BenchLine.Write("latency", mode, command.Name, "p90", Nanoseconds(Percentiles.Of(taken, 90)), "ns");
        BenchLine.Write("latency", mode, command.Name, "p99", Nanoseconds(Percentiles.Of(taken, 99)), "ns");
        BenchLine.Write("latency", mode, command.Name, "min", Nanoseconds(taken[0]), "ns");
        BenchLine.Write("latency", mode, command.Name, "max", Nanoseconds(taken[rounds - 1]), "ns");
        BenchLine.Write("latency", mode, command.Name, "count", (ulong)rounds, "commands");
        BenchLine.Write("latency", mode, command.Name, "rate", (ulong)rounds * Clock.Frequency / (elapsed == 0 ? 1 : elapsed), "commands/s");
        return true;
    }

    private static ulong Nanoseconds(ulong ticks) => ticks * 1_000_000_000UL / Clock.Frequency;
}
