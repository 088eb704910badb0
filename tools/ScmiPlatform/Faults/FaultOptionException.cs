// A --fault or --seed option that cannot be understood.
namespace ScmiPlatform.Faults;

/// <summary>A fault option that cannot be understood; the message says which and why.</summary>
public sealed class FaultOptionException : ArgumentException
{
    /// <summary>Creates the error.</summary>
    public FaultOptionException(string message) : base(message) { }
}
