// What every protocol of one platform shares: the eventq outbox, time, and who the calling agent is.
namespace ScmiPlatform.Protocols;

/// <summary>Services handed to each protocol when the platform is built.</summary>
public sealed class PlatformServices
{
    /// <summary>DEN0056 §4.2.2.9 DISCOVER_AGENT: agent id 0 is always the platform itself.</summary>
    public const uint PlatformAgentId = 0;

    /// <summary>Creates the shared services.</summary>
    public PlatformServices(EventOutbox outbox, IPlatformScheduler scheduler, uint callerAgentId, object gate)
    {
        Gate = gate;
        Outbox = outbox;
        Scheduler = scheduler;
        CallerAgentId = callerAgentId;
    }

    /// <summary>The lock every handler runs under; deferred work takes it through <see cref="RunExclusive"/>.</summary>
    public object Gate { get; }

    /// <summary>Set when a device reset replaced these protocols: their deferred work must no longer run.</summary>
    public bool Retired { get; private set; }

    /// <summary>Retires the protocols built on these services (called under <see cref="Gate"/>).</summary>
    public void Retire() => Retired = true;

    /// <summary>Runs deferred protocol work (timers) under the same lock as command handlers, unless a reset retired it.</summary>
    public void RunExclusive(Action action)
    {
        lock (Gate)
        {
            if (!Retired) action();
        }
    }

    /// <summary>Where notifications and delayed responses go.</summary>
    public EventOutbox Outbox { get; }

    /// <summary>Platform time and deferred work.</summary>
    public IPlatformScheduler Scheduler { get; }

    /// <summary>The agent id of the single agent on this virtio channel.</summary>
    public uint CallerAgentId { get; }
}
