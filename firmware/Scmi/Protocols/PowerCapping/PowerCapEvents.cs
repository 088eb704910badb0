// Views over POWERCAP_CAP_CHANGED and POWERCAP_MEASUREMENTS_CHANGED payloads (SCMI DEN0056E §4.10.3).
using System;
using System.Buffers.Binary;

namespace Scmi.Protocols;

/// <summary>Decodes POWERCAP_CAP_CHANGED: agent_id, domain_id, power_cap, pai.</summary>
public readonly ref struct PowerCapChangedEvent
{
    private PowerCapChangedEvent(uint agentId, uint domainId, uint cap, uint pai)
    {
        AgentId = agentId;
        DomainId = domainId;
        Cap = cap;
        Pai = pai;
    }

    /// <summary>The agent that changed it (0: the platform).</summary>
    public uint AgentId { get; }

    /// <summary>The domain.</summary>
    public uint DomainId { get; }

    /// <summary>The cap now in force.</summary>
    public uint Cap { get; }

    /// <summary>The averaging interval now in force (µs).</summary>
    public uint Pai { get; }

    /// <summary>Decodes <paramref name="payload"/>; false when it is shorter than 16 bytes. Context: any.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> payload, out PowerCapChangedEvent decoded)
    {
        decoded = default;
        if (payload.Length < 16)
            return false;
        decoded = new PowerCapChangedEvent(BinaryPrimitives.ReadUInt32LittleEndian(payload), BinaryPrimitives.ReadUInt32LittleEndian(payload.Slice(4)),
            BinaryPrimitives.ReadUInt32LittleEndian(payload.Slice(8)), BinaryPrimitives.ReadUInt32LittleEndian(payload.Slice(12)));
        return true;
    }
}

/// <summary>Decodes POWERCAP_MEASUREMENTS_CHANGED: agent_id, domain_id, power.</summary>
public readonly ref struct PowerCapMeasurementsChangedEvent
{
    private PowerCapMeasurementsChangedEvent(uint agentId, uint domainId, uint power)
    {
        AgentId = agentId;
        DomainId = domainId;
        Power = power;
    }

    /// <summary>The agent (0: the platform).</summary>
    public uint AgentId { get; }

    /// <summary>The domain.</summary>
    public uint DomainId { get; }

    /// <summary>The power measured, outside the thresholds set by POWERCAP_MEASUREMENTS_NOTIFY.</summary>
    public uint Power { get; }

    /// <summary>Decodes <paramref name="payload"/>; false when it is shorter than 12 bytes. Context: any.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> payload, out PowerCapMeasurementsChangedEvent decoded)
    {
        decoded = default;
        if (payload.Length < 12)
            return false;
        decoded = new PowerCapMeasurementsChangedEvent(BinaryPrimitives.ReadUInt32LittleEndian(payload),
            BinaryPrimitives.ReadUInt32LittleEndian(payload.Slice(4)), BinaryPrimitives.ReadUInt32LittleEndian(payload.Slice(8)));
        return true;
    }
}
