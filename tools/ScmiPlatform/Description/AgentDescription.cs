// An agent of the platform, as DISCOVER_AGENT names it.
namespace ScmiPlatform.Description;

/// <summary>One agent listed by DISCOVER_AGENT.</summary>
public sealed class AgentDescription
{
    /// <summary>At most 15 ASCII characters.</summary>
    public required string Name { get; init; }
}
