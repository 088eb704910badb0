// A protocol's version word: major in bits 31:16, minor in bits 15:0 (SCMI DEN0056E, PROTOCOL_VERSION of every protocol).
namespace Scmi;

/// <summary>One protocol version as the platform reports it.</summary>
public readonly struct ScmiProtocolVersion
{
    /// <summary>Wraps the raw 32-bit version word.</summary>
    public ScmiProtocolVersion(uint value) => Value = value;

    /// <summary>Builds a version from its parts.</summary>
    public ScmiProtocolVersion(ushort major, ushort minor) => Value = ((uint)major << 16) | minor;

    /// <summary>The raw word.</summary>
    public uint Value { get; }

    /// <summary>Bits 31:16.</summary>
    public ushort Major => (ushort)(Value >> 16);

    /// <summary>Bits 15:0.</summary>
    public ushort Minor => (ushort)Value;
}
