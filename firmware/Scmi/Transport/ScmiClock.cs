// Time for transfer timeouts: the board's counter on target, a simulated clock in host tests.
namespace Scmi;

/// <summary>A monotonic microsecond clock; an abstract class because interface dispatch is not available on target.</summary>
public abstract class ScmiClock
{
    /// <summary>Microseconds since some fixed point; never goes back.</summary>
    public abstract ulong Microseconds { get; }

    /// <summary>Called while a waiter spins; a host clock advances simulated time here, the target may idle.</summary>
    public virtual void Spin()
    {
    }
}
