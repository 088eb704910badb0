// The xunit collection whose tests share LinuxGuestFixture's single boot.
using Xunit;

namespace Interop.Tests;

/// <summary>All Linux interop tests share one boot.</summary>
[CollectionDefinition(Name)]
public sealed class LinuxGuestCollection : ICollectionFixture<LinuxGuestFixture>
{
    public const string Name = "Linux guest";
}
