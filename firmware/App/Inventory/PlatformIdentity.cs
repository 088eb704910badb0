// Who the platform says it is (Base protocol): vendor, sub-vendor, implementation version, agents and protocols.
using System;
using System.Buffers.Binary;
using Scmi;

namespace App.Inventory;

/// <summary>
/// The Base protocol's discovery answers, read with raw commands (SCMI DEN0056E §4.2.2): the strings are
/// copied into fixed buffers owned by this object, so reading it again allocates nothing.
/// </summary>
public sealed class PlatformIdentity
{
    // SCMI DEN0056E §4.2.2.4-5: vendor and sub-vendor identifiers are null-terminated ASCII strings of 16 bytes.
    public const int NameBytes = 16;
    public const int MostProtocols = 32;

    private const byte ProtocolVersion = 0x0;
    private const byte ProtocolAttributes = 0x1;
    private const byte DiscoverVendor = 0x3;
    private const byte DiscoverSubVendor = 0x4;
    private const byte DiscoverImplementationVersion = 0x5;
    private const byte DiscoverListProtocols = 0x6;

    private readonly byte[] _vendor = new byte[NameBytes];
    private readonly byte[] _subVendor = new byte[NameBytes];
    private readonly byte[] _protocols = new byte[MostProtocols];
    private readonly uint[] _protocolVersions = new uint[MostProtocols];

    public int VendorLength { get; private set; }
    public int SubVendorLength { get; private set; }
    public ReadOnlySpan<byte> Vendor => new ReadOnlySpan<byte>(_vendor, 0, VendorLength);
    public ReadOnlySpan<byte> SubVendor => new ReadOnlySpan<byte>(_subVendor, 0, SubVendorLength);
    public uint ImplementationVersion { get; private set; }
    public uint BaseVersion { get; private set; }
    public int AgentCount { get; private set; }
    /// <summary>Protocols other than Base the platform lists (possibly more than <see cref="ProtocolCount"/> when they did not fit).</summary>
    public int ListedProtocols { get; private set; }
    public int ProtocolCount { get; private set; }

    /// <summary>Protocol <paramref name="index"/> of the list (0 ≤ index &lt; <see cref="ProtocolCount"/>).</summary>
    public byte Protocol(int index) => _protocols[index];

    /// <summary>PROTOCOL_VERSION of protocol <paramref name="index"/> (0 when it would not answer).</summary>
    public uint ProtocolVersionOf(int index) => _protocolVersions[index];

    /// <summary>True when the platform lists <paramref name="protocol"/>.</summary>
    public bool Lists(byte protocol)
    {
        for (int i = 0; i < ProtocolCount; i++)
        {
            if (_protocols[i] == protocol)
                return true;
        }
        return false;
    }

    /// <summary>Asks the platform everything again. Context: thread.</summary>
    public ScmiResult Read(ScmiAgent agent)
    {
        Span<byte> reply = stackalloc byte[agent.MaxPayloadBytes];
        ScmiResult result = agent.Invoke(ScmiProtocolId.Base, ProtocolVersion, default, reply, out _, 4);
        if (!result.IsSuccess)
            return result;
        BaseVersion = BinaryPrimitives.ReadUInt32LittleEndian(reply);

        result = agent.Invoke(ScmiProtocolId.Base, ProtocolAttributes, default, reply, out _, 4);
        if (!result.IsSuccess)
            return result;
        uint attributes = BinaryPrimitives.ReadUInt32LittleEndian(reply);
        // SCMI DEN0056E §4.2.2.2: bits 15:8 number of agents, bits 7:0 number of protocols (excluding Base).
        AgentCount = (int)((attributes >> 8) & 0xFF);
        ListedProtocols = (int)(attributes & 0xFF);

        result = ReadName(agent, DiscoverVendor, _vendor, out int vendorLength);
        VendorLength = vendorLength;
        if (!result.IsSuccess)
            return result;
        result = ReadName(agent, DiscoverSubVendor, _subVendor, out int subVendorLength);
        SubVendorLength = subVendorLength;
        if (!result.IsSuccess && result.Status != ScmiStatus.NotSupported)
            return result;

        result = agent.Invoke(ScmiProtocolId.Base, DiscoverImplementationVersion, default, reply, out _, 4);
        if (!result.IsSuccess)
            return result;
        ImplementationVersion = BinaryPrimitives.ReadUInt32LittleEndian(reply);

        result = ReadProtocolList(agent, reply);
        if (!result.IsSuccess)
            return result;
        Span<byte> noParameters = default;
        for (int i = 0; i < ProtocolCount; i++)
        {
            ScmiResult version = agent.Invoke((ScmiProtocolId)_protocols[i], ProtocolVersion, noParameters, reply, out _, 4);
            _protocolVersions[i] = version.IsSuccess ? BinaryPrimitives.ReadUInt32LittleEndian(reply) : 0;
        }
        return default;
    }

    private ScmiResult ReadProtocolList(ScmiAgent agent, Span<byte> reply)
    {
        // SCMI DEN0056E §4.2.2.7: the list comes in pages; "skip" says how many were already read. Each page
        // is a count then that many protocol ids packed four to a word.
        ProtocolCount = 0;
        Span<byte> parameters = stackalloc byte[4];
        int skip = 0;
        while (skip < ListedProtocols)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(parameters, (uint)skip);
            ScmiResult result = agent.Invoke(ScmiProtocolId.Base, DiscoverListProtocols, parameters, reply, out int length, 4);
            if (!result.IsSuccess)
                return result;
            uint count = BinaryPrimitives.ReadUInt32LittleEndian(reply);
            // Never trusted: a page must make progress, stay within the total and fit in what came back.
            if (count == 0 || count > (uint)(ListedProtocols - skip) || 4 + (int)count > length)
                return ScmiResult.FromAgent(ScmiAgentError.ReplyInvalid);
            for (int i = 0; i < (int)count; i++)
            {
                if (ProtocolCount < MostProtocols)
                    _protocols[ProtocolCount++] = reply[4 + i];
            }
            skip += (int)count;
        }
        return default;
    }

    private static ScmiResult ReadName(ScmiAgent agent, byte message, byte[] name, out int length)
    {
        length = 0;
        Span<byte> reply = stackalloc byte[NameBytes];
        ScmiResult result = agent.Invoke(ScmiProtocolId.Base, message, default, reply, out int replyLength, NameBytes);
        if (!result.IsSuccess)
            return result;
        while (length < NameBytes && reply[length] != 0)
        {
            name[length] = reply[length];
            length++;
        }
        return default;
    }
}
