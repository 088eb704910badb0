// Applies a fault plan to replies and eventq messages, deterministically for a given seed.
using System.Buffers.Binary;
using ScmiPlatform.Scmi;
using ScmiPlatform.Protocols;

namespace ScmiPlatform.Faults;

/// <summary>
/// Decides, per command, whether the reply is replaced by an error, dropped, damaged, delayed or held
/// for reordering, and how often eventq messages are repeated. Random choices come from one seeded
/// generator used under a lock, so a run with the same seed and the same command order is the same run.
/// A device reset bumps a generation number: timers armed before it no longer complete anything.
/// </summary>
public sealed class FaultInjector
{
    private readonly FaultPlan _plan;
    private readonly IPlatformScheduler _scheduler;
    private readonly Random _random;
    private readonly object _gate = new();
    private int _generation;
    private HeldReply? _held;
    private ScmiHeader? _lastHeader;

    private sealed record HeldReply(Action Complete, int Generation);

    /// <summary>Creates the injector for <paramref name="plan"/>.</summary>
    public FaultInjector(FaultPlan plan, IPlatformScheduler scheduler)
    {
        _plan = plan;
        _scheduler = scheduler;
        _random = new Random(plan.Seed ?? 0);
    }

    /// <summary>The plan in force.</summary>
    public FaultPlan Plan => _plan;

    /// <summary>Replies never sent because of a drop fault.</summary>
    public int DroppedReplies { get; private set; }

    /// <summary>Replies completed after a later one because of the reorder fault.</summary>
    public int ReorderedReplies { get; private set; }

    /// <summary>
    /// True when <paramref name="rule"/> selects this command and, for an intermittent fault (<c>~N%</c>), the
    /// seeded draw says it strikes this time. Asked once per rule and command, so a command's fate is settled once.
    /// </summary>
    private bool Applies(FaultRule rule, ScmiHeader header)
    {
        if (!rule.Scope.Matches(header)) return false;
        if (rule.Probability >= 1.0) return true;
        lock (_gate) return _random.NextDouble() < rule.Probability;
    }

    /// <summary>The status forced on this command by an error fault, if any.</summary>
    public ScmiStatus? ForcedStatus(ScmiHeader header) => _plan.IsEmpty ? null : FirstErrorFault(header)?.Status;

    // Apart from ForcedStatus: the lambda's closure is allocated on entry to the method that holds it, so
    // keeping it here leaves the empty plan's path (every command of a daemon without faults) allocation-free.
    private ErrorFault? FirstErrorFault(ScmiHeader header) => _plan.Rules.OfType<ErrorFault>().FirstOrDefault(r => Applies(r, header));

    /// <summary>True when the reply to this command must never be sent.</summary>
    public bool ShouldDrop(ScmiHeader header)
    {
        if (!_plan.Rules.OfType<DropFault>().Any(r => Applies(r, header))) return false;
        lock (_gate) DroppedReplies++;
        return true;
    }

    /// <summary>
    /// Damages the reply in place as corrupt and short faults ask, returning the length to complete with.
    /// <paramref name="notes"/> receives a word per fault applied, for the trace.
    /// </summary>
    public int Mutate(ScmiHeader header, Span<byte> reply, int length, List<string> notes)
    {
        ScmiHeader? previous;
        lock (_gate)
        {
            previous = _lastHeader;
            _lastHeader = header;
        }
        foreach (var rule in _plan.Rules)
        {
            if (!Applies(rule, header)) continue;
            if (rule is CorruptFault corrupt && length >= ScmiHeader.Size)
            {
                var damaged = ScmiHeader.Read(reply);
                // Each field is changed to a value that cannot match the command: flipped token bit, next id, next protocol, notification type.
                if (corrupt.Fields.HasFlag(HeaderField.Token)) damaged = damaged with { Token = (ushort)((damaged.Token ^ 0x1) & ScmiHeader.TokenMask) };
                if (corrupt.Fields.HasFlag(HeaderField.MessageId)) damaged = damaged with { MessageId = (byte)(damaged.MessageId + 1) };
                if (corrupt.Fields.HasFlag(HeaderField.Protocol)) damaged = damaged with { ProtocolId = (byte)(damaged.ProtocolId + 1) };
                if (corrupt.Fields.HasFlag(HeaderField.Type)) damaged = damaged with { Type = ScmiMessageType.Notification };
                if (corrupt.Fields.HasFlag(HeaderField.Previous)) damaged = previous ?? damaged with { Token = (ushort)((damaged.Token ^ 0x1) & ScmiHeader.TokenMask) };
                damaged.Write(reply);
                notes.Add($"corrupt={corrupt.Fields}");
            }
            else if (rule is ShortFault && length > 0)
            {
                length = Math.Max(0, length - 4);
                notes.Add($"short={length}");
            }
        }
        return length;
    }

    /// <summary>
    /// Completes a reply now or later: delay and late faults postpone it, the reorder fault may hold it
    /// until the next reply went out first. <paramref name="complete"/> runs exactly once unless the device resets first.
    /// </summary>
    public void Release(ScmiHeader header, Action complete, List<string> notes)
    {
        var delay = TimeSpan.Zero;
        foreach (var rule in _plan.Rules)
        {
            if (!Applies(rule, header)) continue;
            if (rule is DelayFault d) delay += PickDelay(d);
            else if (rule is LateFault late) delay += late.Delay;
        }
        var reorder = _plan.Rules.OfType<ReorderFault>().FirstOrDefault(r => Applies(r, header));
        int armedIn;
        lock (_gate) armedIn = _generation;
        if (delay > TimeSpan.Zero) notes.Add($"delayed={delay.TotalMilliseconds:0.###}ms");
        if (reorder is not null) notes.Add("reorder");
        void Deliver()
        {
            lock (_gate) if (armedIn != _generation) return;
            if (reorder is null) complete();
            else Reorder(complete, reorder.Window, armedIn);
        }
        if (delay > TimeSpan.Zero) _scheduler.Schedule(delay, Deliver);
        else Deliver();
    }

    private TimeSpan PickDelay(DelayFault fault)
    {
        if (fault.Maximum == fault.Minimum) return fault.Minimum;
        double fraction;
        lock (_gate) fraction = _random.NextDouble();
        return fault.Minimum + (fault.Maximum - fault.Minimum) * fraction;
    }

    private void Reorder(Action complete, TimeSpan window, int armedIn)
    {
        HeldReply? previous;
        lock (_gate)
        {
            previous = _held;
            if (previous is null)
            {
                // First of a pair: hold it; if no other reply comes within the window, let it go alone.
                var mine = new HeldReply(complete, armedIn);
                _held = mine;
                _scheduler.Schedule(window, () =>
                {
                    lock (_gate)
                    {
                        if (!ReferenceEquals(_held, mine) || mine.Generation != _generation) return;
                        _held = null;
                    }
                    mine.Complete();
                });
                return;
            }
            _held = null;
            ReorderedReplies++;
        }
        // Second of a pair: it overtakes the held one.
        complete();
        previous.Complete();
    }

    /// <summary>True when this command's delayed response goes out before its reply.</summary>
    public bool SendsDelayedResponseEarly(ScmiHeader header) => _plan.Rules.OfType<EarlyFault>().Any(r => Applies(r, header));

    /// <summary>How many times an eventq message caused by this command (or by the platform) is sent.</summary>
    public int Copies(ScmiHeader header) =>
        _plan.Rules.OfType<DuplicateFault>().Any(r => Applies(r, header)) ? 2 : 1;

    /// <summary>How many extra rounds of notifications to send after replying to this command.</summary>
    public int FloodCount(ScmiHeader header) =>
        _plan.Rules.OfType<FloodFault>().Where(r => Applies(r, header)).Sum(r => r.Count);

    /// <summary>Forgets held replies; timers armed before now complete nothing.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _generation++;
            _held = null;
            _lastHeader = null;
        }
    }

    /// <summary>Reads the status word of a reply, for traces of damaged replies.</summary>
    public static int ReadStatus(ReadOnlySpan<byte> reply) =>
        reply.Length >= ScmiHeader.ReplyPrefixSize ? BinaryPrimitives.ReadInt32LittleEndian(reply[4..]) : 0;
}
