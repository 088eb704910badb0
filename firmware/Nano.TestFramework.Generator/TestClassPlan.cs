// What the generator will emit for one [TestClass]: how to reach its methods and every case to run.
using System;
using System.Collections.Generic;
using System.Linq;

namespace Nano.TestFramework.Generator;

/// <summary>One runnable case: a test method, or one [DataRow] of it.</summary>
internal sealed class TestCasePlan : IEquatable<TestCasePlan>
{
    public TestCasePlan(string name, string methodName, bool isStatic, string arguments)
    {
        Name = name;
        MethodName = methodName;
        IsStatic = isStatic;
        Arguments = arguments;
    }

    /// <summary>The reported name: Class.Method or Class.Method(args) (docs/conventions.md §2).</summary>
    public string Name { get; }
    public string MethodName { get; }
    public bool IsStatic { get; }
    /// <summary>The C# argument list to call the method with (typed literals), empty for none.</summary>
    public string Arguments { get; }

    public bool Equals(TestCasePlan? other) =>
        other is not null && Name == other.Name && MethodName == other.MethodName && IsStatic == other.IsStatic && Arguments == other.Arguments;

    public override bool Equals(object? obj) => Equals(obj as TestCasePlan);

    public override int GetHashCode() => Name.GetHashCode();
}

/// <summary>A setup or cleanup method.</summary>
internal sealed class FixtureMethodPlan : IEquatable<FixtureMethodPlan>
{
    public FixtureMethodPlan(string methodName, bool isStatic)
    {
        MethodName = methodName;
        IsStatic = isStatic;
    }

    public string MethodName { get; }
    public bool IsStatic { get; }

    public bool Equals(FixtureMethodPlan? other) => other is not null && MethodName == other.MethodName && IsStatic == other.IsStatic;

    public override bool Equals(object? obj) => Equals(obj as FixtureMethodPlan);

    public override int GetHashCode() => MethodName.GetHashCode();
}

internal sealed class TestClassPlan : IEquatable<TestClassPlan>
{
    public TestClassPlan(string fullyQualifiedName, string displayName, FixtureMethodPlan? setup, FixtureMethodPlan? cleanup,
        IReadOnlyList<TestCasePlan> cases, IReadOnlyList<DiagnosticInfo> diagnostics)
    {
        FullyQualifiedName = fullyQualifiedName;
        DisplayName = displayName;
        Setup = setup;
        Cleanup = cleanup;
        Cases = cases;
        Diagnostics = diagnostics;
    }

    /// <summary>global::Namespace.Class, for emitted calls.</summary>
    public string FullyQualifiedName { get; }
    /// <summary>The class name as tests are reported (nested classes as Outer.Inner, no namespace).</summary>
    public string DisplayName { get; }
    public FixtureMethodPlan? Setup { get; }
    public FixtureMethodPlan? Cleanup { get; }
    public IReadOnlyList<TestCasePlan> Cases { get; }
    public IReadOnlyList<DiagnosticInfo> Diagnostics { get; }

    /// <summary>Instance members need one object per class, made before its setup runs.</summary>
    public bool NeedsInstance =>
        Cases.Any(c => !c.IsStatic) || Setup is { IsStatic: false } || Cleanup is { IsStatic: false };

    public bool Equals(TestClassPlan? other) =>
        other is not null && FullyQualifiedName == other.FullyQualifiedName && DisplayName == other.DisplayName
        && Equals(Setup, other.Setup) && Equals(Cleanup, other.Cleanup)
        && Cases.SequenceEqual(other.Cases) && Diagnostics.SequenceEqual(other.Diagnostics);

    public override bool Equals(object? obj) => Equals(obj as TestClassPlan);

    public override int GetHashCode() => FullyQualifiedName.GetHashCode();
}
