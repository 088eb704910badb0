// The reply header fields the corrupt fault can damage.
namespace ScmiPlatform.Faults;

/// <summary>Header fields the corrupt fault can damage.</summary>
[Flags]
public enum HeaderField
{
    None = 0b0000,
    Token = 0b0001,
    MessageId = 0b0010,
    Protocol = 0b0100,
    Type = 0b1000,
    /// <summary>The whole header is replaced by the previous reply's: a stale token, as a late duplicate would carry.</summary>
    Previous = 0b1_0000,
}
