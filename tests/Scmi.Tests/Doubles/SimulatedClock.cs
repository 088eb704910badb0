// The transfer clock in host tests: platform time, advanced by each spin of a waiter, with pending interrupts taken first.
namespace Scmi.Tests.Doubles;

/// <summary>
/// Microseconds of the <see cref="ManualScheduler"/>. Each <see cref="Spin"/> lets a pending interrupt in,
/// moves platform time by <see cref="Step"/> (running platform work that fell due), and lets the
/// interrupt that work raised in.
/// </summary>
public sealed class SimulatedClock : ScmiClock
{
    private readonly ManualScheduler _scheduler;
    private readonly LoopbackRegisters _registers;

    public SimulatedClock(ManualScheduler scheduler, LoopbackRegisters registers)
    {
        _scheduler = scheduler;
        _registers = registers;
    }

    public TimeSpan Step { get; set; } = TimeSpan.FromMicroseconds(100);
    public long Spins { get; private set; }

    public override ulong Microseconds => (ulong)(_scheduler.Now.Ticks / TimeSpan.TicksPerMicrosecond);

    public override void Spin()
    {
        Spins++;
        _registers.DeliverPendingInterrupt();
        _scheduler.Advance(Step);
        _registers.DeliverPendingInterrupt();
    }
}
