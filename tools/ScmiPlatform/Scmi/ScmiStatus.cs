// SCMI status codes (Arm DEN0056 v3.2, §4.1.4 "Status codes"): the i32 that follows the header in every reply.
namespace ScmiPlatform.Scmi;

/// <summary>The spec's status codes, with the spec's values; anything else decodes as <see cref="Unknown"/>.</summary>
public enum ScmiStatus
{
    Success = 0,
    NotSupported = -1,
    InvalidParameters = -2,
    Denied = -3,
    NotFound = -4,
    OutOfRange = -5,
    Busy = -6,
    CommsError = -7,
    GenericError = -8,
    HardwareError = -9,
    ProtocolError = -10,
    InUse = -11,
    /// <summary>Not a spec value: what a decoder reports for any value outside -11..0.</summary>
    Unknown = int.MinValue,
}

/// <summary>Decoding and naming of status words.</summary>
public static class ScmiStatusCodes
{
    /// <summary>Maps a raw status word to the enum, never casting blindly.</summary>
    public static ScmiStatus Decode(int raw) => raw is <= 0 and >= -11 ? (ScmiStatus)raw : ScmiStatus.Unknown;

    /// <summary>The spec's spelling, e.g. NOT_FOUND.</summary>
    public static string SpecName(ScmiStatus status) => MessageNames.ToSpecSpelling(status.ToString());
}
