// A backend wrapper that runs the ownership checker around the real one.
namespace Scmi.Tests.Doubles;

/// <summary>Forwards everything to <paramref name="inner"/> and keeps <see cref="Checker"/> up to date.</summary>
public sealed class CheckedBackend : DeviceBackend
{
    private readonly DeviceBackend _inner;

    public CheckedBackend(DeviceBackend inner, OwnershipChecker checker)
    {
        _inner = inner;
        Checker = checker;
    }

    public OwnershipChecker Checker { get; }

    public override void OnDriverOk(ulong features, IReadOnlyList<QueuePlacement> queues)
    {
        _inner.Registers = Registers;
        foreach (QueuePlacement q in queues)
        {
            if (q.Index == 0)
                Checker.Start(q);
        }
        _inner.OnDriverOk(features, queues);
    }

    public override void OnNotify(int queue)
    {
        if (queue == 0)
            Checker.CheckNewAvail();
        _inner.OnNotify(queue);
        Checker.SyncUsed();
    }

    public override void OnReset()
    {
        Checker.Reset();
        _inner.OnReset();
    }
}
