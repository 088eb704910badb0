// [LinuxFact]: tests that need the Linux guest; skipped only when its Debian packages cannot be fetched.
using Interop.Tests.Guest;
using Xunit;

namespace Interop.Tests;

/// <summary>A fact that boots (or reads the boot of) the Linux guest.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (GuestPrerequisites.SkipReason is { } reason)
            Skip = reason;
    }
}
