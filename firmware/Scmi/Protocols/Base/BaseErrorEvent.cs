// A view over the payload of BASE_ERROR_EVENT (SCMI DEN0056E §4.2.3.1): which commands the platform could not process.
using System;
using System.Buffers.Binary;

namespace Scmi.Protocols;

/// <summary>Decodes BASE_ERROR_EVENT: agent id, error status (count, overflow), one 64-bit timestamp per report.</summary>
public readonly ref struct BaseErrorEvent
{
    private readonly ReadOnlySpan<byte> _reports;

    private BaseErrorEvent(uint agentId, uint errorStatus, ReadOnlySpan<byte> reports)
    {
        AgentId = agentId;
        ErrorStatus = errorStatus;
        _reports = reports;
    }

    /// <summary>The agent whose commands failed.</summary>
    public uint AgentId { get; }

    /// <summary>The raw error_status word.</summary>
    public uint ErrorStatus { get; }

    /// <summary>Number of reports that follow (error_status bits 9:0).</summary>
    public int ReportCount => (int)(ErrorStatus & 0x3FF);

    /// <summary>More errors happened than were reported (error_status bit 31).</summary>
    public bool Overflowed => (ErrorStatus & 0x8000_0000) != 0;

    /// <summary>The timestamp of report <paramref name="index"/> (0 past the count).</summary>
    public ulong Report(int index)
    {
        if ((uint)index >= (uint)ReportCount)
            return 0;
        ReadOnlySpan<byte> entry = _reports.Slice(8 * index, 8);
        return BinaryPrimitives.ReadUInt32LittleEndian(entry) | (ulong)BinaryPrimitives.ReadUInt32LittleEndian(entry.Slice(4)) << 32;
    }

    /// <summary>Decodes <paramref name="payload"/>; false when it is shorter than its own count says. Context: any.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> payload, out BaseErrorEvent decoded)
    {
        decoded = default;
        if (payload.Length < 8)
            return false;
        uint status = BinaryPrimitives.ReadUInt32LittleEndian(payload.Slice(4));
        int count = (int)(status & 0x3FF);
        if (payload.Length < 8 + 8 * count)
            return false;
        decoded = new BaseErrorEvent(BinaryPrimitives.ReadUInt32LittleEndian(payload), status, payload.Slice(8, 8 * count));
        return true;
    }
}
