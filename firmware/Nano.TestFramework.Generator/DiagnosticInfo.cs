// A diagnostic held as plain data, so the generator's pipeline stages stay comparable between edits.
using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Nano.TestFramework.Generator;

internal sealed class DiagnosticInfo : IEquatable<DiagnosticInfo>
{
    public DiagnosticInfo(DiagnosticDescriptor descriptor, Location? location, params string[] arguments)
    {
        Descriptor = descriptor;
        Location = location;
        Arguments = arguments;
    }

    public DiagnosticDescriptor Descriptor { get; }
    public Location? Location { get; }
    public string[] Arguments { get; }

    public Diagnostic ToDiagnostic() => Diagnostic.Create(Descriptor, Location, Arguments);

    public bool Equals(DiagnosticInfo? other) =>
        other is not null && Descriptor.Id == other.Descriptor.Id && Equals(Location, other.Location)
        && Arguments.SequenceEqual(other.Arguments);

    public override bool Equals(object? obj) => Equals(obj as DiagnosticInfo);

    public override int GetHashCode() => Descriptor.Id.GetHashCode() ^ (Location?.GetHashCode() ?? 0);
}
