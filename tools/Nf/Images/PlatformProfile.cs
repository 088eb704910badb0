// A named set of SCMI platform daemon options an image is booted under (docs/conventions.md §1): the suite
// boots once per profile, each time against a daemon started with those arguments, and the firmware reads
// the profile's name from the device tree's /chosen/bootargs ("nf.profile=NAME").
namespace Nf.Images;

/// <param name="Name">Shown in the suite's name ("Suite [delay]") and passed to the firmware.</param>
/// <param name="Arguments">scmi-platform options (after --socket-path), one argument each.</param>
public sealed record PlatformProfile(string Name, IReadOnlyList<string> Arguments)
{
    /// <summary>A name fit for the kernel command line and the results table: letters, digits, '.', '_', '-'.</summary>
    public static bool IsValidName(string name) =>
        name.Length > 0 && char.IsAsciiLetterOrDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    public bool Equals(PlatformProfile? other) =>
        other is not null && Name == other.Name && Arguments.SequenceEqual(other.Arguments);

    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);
}
