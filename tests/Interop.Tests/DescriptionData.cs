// Test data read from the description the fixture boots with, for theories with one case per resource.
using ScmiPlatform.Description;

namespace Interop.Tests;

/// <summary>Resource names of <see cref="LinuxGuestFixture.PlatformFile"/>, read at discovery.</summary>
public static class DescriptionData
{
    /// <summary>The description, or null with <paramref name="error"/> when it cannot be read.</summary>
    public static PlatformDescription? Load(out string? error) =>
        PlatformDescriptionLoader.TryLoadFile(LinuxGuestFixture.PlatformFile, out PlatformDescription? description, out error) ? description : null;

    /// <summary>One case per name; one failing case naming the problem when the description cannot be read.</summary>
    public static IEnumerable<object[]> Names(Func<PlatformDescription, IEnumerable<string>> select)
    {
        PlatformDescription? description = Load(out string? error);
        if (description is null)
            return [["description-unreadable: " + error]];
        return select(description).Select(name => new object[] { name });
    }
}
