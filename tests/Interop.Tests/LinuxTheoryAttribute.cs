// [LinuxTheory]: theories over the Linux guest's boot; skipped only when its Debian packages cannot be fetched.
using Interop.Tests.Guest;
using Xunit;

namespace Interop.Tests;

/// <summary>A theory that reads the boot of the Linux guest.</summary>
public sealed class LinuxTheoryAttribute : TheoryAttribute
{
    public LinuxTheoryAttribute()
    {
        if (GuestPrerequisites.SkipReason is { } reason)
            Skip = reason;
    }
}
