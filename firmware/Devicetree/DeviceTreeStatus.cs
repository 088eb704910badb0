// Why a flattened device tree was refused or a lookup failed.
namespace Devicetree;

/// <summary>Outcome of opening or reading a flattened device tree.</summary>
public enum DeviceTreeStatus
{
    /// <summary>Done.</summary>
    Ok = 0,
    /// <summary>Fewer bytes than the 40-byte header, or than the header's totalsize.</summary>
    Truncated,
    /// <summary>The first word is not 0xd00dfeed.</summary>
    BadMagic,
    /// <summary>last_comp_version above 17: a layout this reader does not know.</summary>
    UnsupportedVersion,
    /// <summary>A block offset or size in the header points outside the blob or is misaligned.</summary>
    BadHeader,
    /// <summary>The structure block breaks the token grammar (unknown token, unterminated name, overrun).</summary>
    BadStructure,
    /// <summary>The node, property or cell asked for is not there.</summary>
    NotFound,
}
