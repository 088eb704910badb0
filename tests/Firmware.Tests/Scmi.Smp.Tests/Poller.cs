// One CPU's part of the soak: a window of messages in flight, each sent, completed, checked and ended exactly once.
using System;
using System.Threading;
using Nano.Runtime.Native;
using Runtime.Smp.Tests;
using Scmi;
using Scmi.Virtio;

namespace Scmi.Smp.Tests;

/// <summary>
/// Every CPU claims command numbers from one shared counter (so a CPU the host runs less simply sends less) and
/// keeps up to <see cref="Window"/> of them in flight, polled; CPU 0 sends one in <see cref="InterruptShare"/> of
/// its commands by interrupt and completes those by <c>IsDone</c> alone (the device's SPI goes to CPU 0). A
/// command whose reply has not come by its deadline is given up with <c>MarkTxDone(timedOut: true)</c>; deadlines
/// step with the command number, and in the give-up race a command past its deadline is given up only while
/// another context is inside the queues. Each end is written to the ledger (one byte per command); an end for a
/// command already ended counts as "ended twice". Nothing here asserts on a secondary CPU: findings are counted
/// and CPU 0 asserts after the join.
/// </summary>
internal static class Poller
{
    /// <summary>Most commands one run sends (the ledger's size).</summary>
    public const int MaximumCommands = 100_000;
    public const int Window = 6;
    public const int InterruptShare = 4;
    /// <summary>Deadlines step through this many values, command by command.</summary>
    public const int DeadlineSteps = 16;

    // Ledger values.
    public const byte Open = 0;
    public const byte Answered = 1;
    public const byte GivenUp = 2;
    public const byte Wrong = 3;

    // Per-CPU tallies, one cache line per CPU.
    public const int Sent = 0;
    public const int Ok = 1;
    public const int TimedOut = 2;
    public const int BusyRetries = 3;
    public const int ByInterrupt = 4;
    public const int WrongReplies = 5;
    private const int Stride = 8;

    // What a wrong end was (the first one is kept for the report).
    public const int SendRefused = 1;
    public const int FetchFailed = 2;
    public const int BadStatus = 3;
    public const int BadContent = 4;

    private const int NoCommand = -1;

    private static ScmiVirtioTransport s_transport = null!;
    private static byte[] s_ledger = null!;
    private static long[] s_tallies = null!;
    private static ScmiMessageHandle[] s_handles = null!;
    private static int[] s_commands = null!;
    private static ulong[] s_sentAt = null!;
    private static bool[] s_byInterrupt = null!;
    private static int s_commandCount;
    private static ulong s_deadline;
    private static ulong s_deadlineStep;
    private static bool s_giveUpDuringDrain;
    private static int s_nextCommand;
    private static int s_endedTwice;
    private static int s_firstWrongCommand;
    private static int s_firstWrongKind;
    private static int s_firstWrongDetail;

    /// <summary>Before the seal: the ledger and every CPU's window.</summary>
    public static void Allocate()
    {
        if (s_ledger is not null)
            return;
        s_ledger = new byte[MaximumCommands];
        s_tallies = new long[Parallel.Cpus * Stride];
        s_handles = new ScmiMessageHandle[Parallel.Cpus * Window];
        s_commands = new int[Parallel.Cpus * Window];
        s_sentAt = new ulong[Parallel.Cpus * Window];
        s_byInterrupt = new bool[Parallel.Cpus * Window];
    }

    /// <summary>
    /// Clears the ledger and the tallies, every window empty: the next <see cref="Run"/> sends <paramref name="commands"/>
    /// commands, command n given up <paramref name="deadline"/> + (n % <see cref="DeadlineSteps"/>) ×
    /// <paramref name="deadlineStep"/> µs after its send; with <paramref name="giveUpDuringDrain"/> only once that has
    /// passed and another context is inside the queues. CPU 0, before <see cref="Run"/>.
    /// </summary>
    public static void Reset(ScmiVirtioTransport transport, int commands, ulong deadline, ulong deadlineStep, bool giveUpDuringDrain)
    {
        s_giveUpDuringDrain = giveUpDuringDrain;
        s_transport = transport;
        s_commandCount = commands;
        s_deadline = deadline;
        s_deadlineStep = deadlineStep;
        for (int i = 0; i < s_ledger.Length; i++)
            s_ledger[i] = Open;
        for (int i = 0; i < s_tallies.Length; i++)
            s_tallies[i] = 0;
        for (int i = 0; i < s_commands.Length; i++)
            s_commands[i] = NoCommand;
        s_nextCommand = 0;
        s_endedTwice = 0;
        s_firstWrongCommand = NoCommand;
        s_firstWrongKind = 0;
        s_firstWrongDetail = 0;
    }

    public static int CommandCount => s_commandCount;

    public static long Tally(int cpu, int what) => s_tallies[cpu * Stride + what];

    public static long Total(int what)
    {
        long total = 0;
        for (int cpu = 0; cpu < Parallel.Cpus; cpu++)
            total += Tally(cpu, what);
        return total;
    }

    public static int EndedTwice => Volatile.Read(ref s_endedTwice);

    public static int FirstWrongCommand => s_firstWrongCommand;

    public static int FirstWrongKind => s_firstWrongKind;

    public static int FirstWrongDetail => s_firstWrongDetail;

    /// <summary>Commands whose ledger entry is <paramref name="outcome"/>. CPU 0, after the join.</summary>
    public static int CountLedger(byte outcome)
    {
        int count = 0;
        for (int i = 0; i < s_commandCount; i++)
        {
            if (s_ledger[i] == outcome)
                count++;
        }
        return count;
    }

    /// <summary>The body every CPU runs (<see cref="Parallel.Run"/>).</summary>
    public static void Run(int cpu)
    {
        int first = cpu * Window;
        int claimed = NoCommand;   // taken from the shared counter, not yet accepted by Send
        bool allClaimed = false;
        int open = 0;
        while (true)
        {
            for (int slot = first; slot < first + Window; slot++)
            {
                if (s_commands[slot] != NoCommand)
                    continue;
                if (claimed == NoCommand && !allClaimed)
                {
                    int command = Interlocked.Increment(ref s_nextCommand) - 1;
                    if (command < s_commandCount)
                        claimed = command;
                    else
                        allClaimed = true;
                }
                if (claimed == NoCommand)
                    break;
                int sent = TrySend(cpu, slot, claimed);
                if (sent < 0)
                    break; // Busy: pool empty or contended; complete what is out, then try again
                claimed = NoCommand;
                open += sent;
            }
            if (open == 0 && claimed == NoCommand && allClaimed)
                return;
            for (int slot = first; slot < first + Window; slot++)
            {
                if (s_commands[slot] != NoCommand && Advance(cpu, slot))
                    open--;
            }
        }
    }

    /// <summary>Sends <paramref name="command"/> from <paramref name="slot"/>: 1 sent, 0 refused for good (ended wrong), -1 Busy.</summary>
    private static int TrySend(int cpu, int slot, int command)
    {
        Span<byte> parameters = stackalloc byte[4];
        int expected = CommandMix.Describe(command, parameters, out ScmiHeader header, out int parameterBytes);
        bool byInterrupt = cpu == 0 && Tally(cpu, Sent) % InterruptShare == InterruptShare - 1;
        ScmiTransportResult result = s_transport.Send(header, parameters.Slice(0, parameterBytes), expected, expected, poll: !byInterrupt,
            out ScmiMessageHandle message);
        if (result == ScmiTransportResult.Busy)
        {
            s_tallies[cpu * Stride + BusyRetries]++;
            return -1;
        }
        if (result != ScmiTransportResult.Ok)
        {
            NoteWrong(command, SendRefused, (int)result);
            End(cpu, command, Wrong);
            return 0;
        }
        s_handles[slot] = message;
        s_commands[slot] = command;
        s_sentAt[slot] = Clock.Microseconds;
        s_byInterrupt[slot] = byInterrupt;
        s_tallies[cpu * Stride + Sent]++;
        if (byInterrupt)
            s_tallies[cpu * Stride + ByInterrupt]++;
        return 1;
    }

    private static bool IsDone(int slot) =>
        s_byInterrupt[slot] ? s_transport.IsDone(s_handles[slot]) : s_transport.PollDone(s_handles[slot]);

    /// <summary>Looks at one message in flight; true when its command ended (answered, given up or wrong).</summary>
    private static bool Advance(int cpu, int slot)
    {
        int command = s_commands[slot];
        ScmiMessageHandle message = s_handles[slot];
        if (!IsDone(slot))
        {
            if (Clock.Microseconds - s_sentAt[slot] < s_deadline + (ulong)(command % DeadlineSteps) * s_deadlineStep)
                return false;
            // Giving up during a drain: only while another context is inside the queues (it may be completing this
            // very message), and without a last look, so the give-up meets the drainer's move of the state word.
            if (s_giveUpDuringDrain && !s_transport.IsOwnerHeld)
                return false;
            // One last look: the reply may have landed between the check and the deadline.
            if (s_giveUpDuringDrain || !IsDone(slot))
            {
                s_transport.MarkTxDone(message, timedOut: true);
                End(cpu, command, GivenUp);
                s_commands[slot] = NoCommand;
                return true;
            }
        }
        Span<byte> values = stackalloc byte[CommandMix.RateBytes];
        ScmiTransportResult fetched = s_transport.FetchResponse(message, out ScmiStatus status, values, out int length);
        s_transport.MarkTxDone(message, timedOut: false);
        s_commands[slot] = NoCommand;
        int wrong = fetched != ScmiTransportResult.Ok ? FetchFailed
            : status != ScmiStatus.Success ? BadStatus
            : !CommandMix.Matches(command, values.Slice(0, length)) ? BadContent
            : 0;
        if (wrong != 0)
            NoteWrong(command, wrong, wrong == FetchFailed ? (int)fetched : wrong == BadStatus ? (int)status : length);
        End(cpu, command, wrong == 0 ? Answered : Wrong);
        return true;
    }

    /// <summary>Writes the command's one end; a second end for the same command is counted, not written.</summary>
    private static void End(int cpu, int command, byte outcome)
    {
        if (s_ledger[command] != Open)
        {
            Interlocked.Increment(ref s_endedTwice);
            return;
        }
        s_ledger[command] = outcome;
        int tally = outcome == Answered ? Ok : outcome == GivenUp ? TimedOut : WrongReplies;
        s_tallies[cpu * Stride + tally]++;
    }

    private static void NoteWrong(int command, int kind, int detail)
    {
        if (Interlocked.CompareExchange(ref s_firstWrongCommand, command, NoCommand) != NoCommand)
            return;
        s_firstWrongKind = kind;
        s_firstWrongDetail = detail;
    }
}
