// The kinds of faults the platform can inject, each limited to the commands its scope selects.
using ScmiPlatform.Scmi;

namespace ScmiPlatform.Faults;

/// <summary>One fault; <see cref="Scope"/> selects the commands it applies to.</summary>
public abstract record FaultRule(MessageSelector Scope)
{
    /// <summary>Chance that the fault strikes a selected command (<c>~N%</c>); 1 = every time.</summary>
    public double Probability { get; init; } = 1.0;

    /// <summary>The option text that produced the rule, for traces.</summary>
    public abstract string Describe();

    /// <summary>The <c>~N%</c> suffix of an intermittent fault, or nothing.</summary>
    protected string ProbabilitySuffix => Probability >= 1.0 ? "" : $"~{Probability * 100:0.###}%";
}

/// <summary>Delay replies by a fixed time or a seeded random time in [Minimum, Maximum].</summary>
public sealed record DelayFault(MessageSelector Scope, TimeSpan Minimum, TimeSpan Maximum) : FaultRule(Scope)
{
    /// <inheritdoc/>
    public override string Describe() => $"delay={Minimum.TotalMilliseconds}ms..{Maximum.TotalMilliseconds}ms@{Scope}{ProbabilitySuffix}";
}

/// <summary>Hold replies to selected commands for a long time (past the agent's timeout), then deliver them.</summary>
public sealed record LateFault(MessageSelector Scope, TimeSpan Delay) : FaultRule(Scope)
{
    /// <inheritdoc/>
    public override string Describe() => $"late={Scope}:{Delay.TotalMilliseconds}ms{ProbabilitySuffix}";
}

/// <summary>Hold a reply until the next one completes (or the window ends), so replies complete out of order.</summary>
public sealed record ReorderFault(MessageSelector Scope, TimeSpan Window) : FaultRule(Scope)
{
    /// <inheritdoc/>
    public override string Describe() => $"reorder={Window.TotalMilliseconds}ms@{Scope}{ProbabilitySuffix}";
}

/// <summary>Send the delayed response before the synchronous reply it follows (agents must accept either order).</summary>
public sealed record EarlyFault(MessageSelector Scope) : FaultRule(Scope)
{
    /// <inheritdoc/>
    public override string Describe() => $"early@{Scope}{ProbabilitySuffix}";
}

/// <summary>Deliver delayed responses and notifications twice on the eventq.</summary>
public sealed record DuplicateFault(MessageSelector Scope) : FaultRule(Scope)
{
    /// <inheritdoc/>
    public override string Describe() => $"duplicate@{Scope}{ProbabilitySuffix}";
}

/// <summary>Damage header fields of replies (the agent must notice the mismatch).</summary>
public sealed record CorruptFault(MessageSelector Scope, HeaderField Fields) : FaultRule(Scope)
{
    /// <inheritdoc/>
    public override string Describe() => $"corrupt={Fields}@{Scope}{ProbabilitySuffix}";
}

/// <summary>Cut the last four bytes off replies.</summary>
public sealed record ShortFault(MessageSelector Scope) : FaultRule(Scope)
{
    /// <inheritdoc/>
    public override string Describe() => $"short@{Scope}{ProbabilitySuffix}";
}

/// <summary>After each selected reply, repeat the current state of every enabled notification <see cref="Count"/> times.</summary>
public sealed record FloodFault(MessageSelector Scope, int Count) : FaultRule(Scope)
{
    /// <inheritdoc/>
    public override string Describe() => $"flood={Count}@{Scope}{ProbabilitySuffix}";
}

/// <summary>Never reply to selected commands.</summary>
public sealed record DropFault(MessageSelector Scope) : FaultRule(Scope)
{
    /// <inheritdoc/>
    public override string Describe() => $"drop={Scope}{ProbabilitySuffix}";
}

/// <summary>Answer selected commands with a fixed error status without executing them.</summary>
public sealed record ErrorFault(MessageSelector Scope, ScmiStatus Status) : FaultRule(Scope)
{
    /// <inheritdoc/>
    public override string Describe() => $"error={Scope}:{ScmiStatusCodes.SpecName(Status)}{ProbabilitySuffix}";
}
