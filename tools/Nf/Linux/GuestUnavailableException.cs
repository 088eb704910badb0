// The Linux guest cannot be had on this machine (its Debian packages cannot be fetched): a reason to skip, not a failure.
namespace Nf.Linux;

/// <summary>Thrown by <see cref="GuestImages.PrepareAsync"/> when build-guest.sh exits with <see cref="GuestScript.ExitPackagesUnavailable"/>.</summary>
public sealed class GuestUnavailableException(string message) : InvalidOperationException(message);
