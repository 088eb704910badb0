// SCMI status codes (SCMI DEN0056E §4.1.4, table "Status codes"), and the safe mapping from a wire value.
namespace Scmi;

/// <summary>The status word of a response, exactly the specification's values; anything else is <see cref="Unknown"/>.</summary>
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
    /// <summary>A value the specification does not define; never produced by a cast of a wire value.</summary>
    Unknown = int.MinValue,
}

/// <summary>Turns a wire status into <see cref="ScmiStatus"/> without trusting it.</summary>
public static class ScmiStatusCodes
{
    /// <summary>The named status for <paramref name="wire"/>, or <see cref="ScmiStatus.Unknown"/> when the specification has no such code.</summary>
    public static ScmiStatus FromWire(int wire) =>
        wire <= (int)ScmiStatus.Success && wire >= (int)ScmiStatus.InUse ? (ScmiStatus)wire : ScmiStatus.Unknown;
}
