// Reads one [TestClass] symbol into a plan: which methods are setup, cleanup and tests, each data
// row as its own case, and a diagnostic for anything the generated code could not call.
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Nano.TestFramework.Generator;

internal static class TestClassReader
{
    public static TestClassPlan Read(INamedTypeSymbol type, CancellationToken cancel)
    {
        var diagnostics = new List<DiagnosticInfo>();
        string fullName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        string displayName = DisplayName(type);
        Location? classLocation = type.Locations.FirstOrDefault();

        string? classProblem = ClassProblem(type);
        if (classProblem is not null)
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.ClassShape, classLocation, displayName, classProblem));
            return new TestClassPlan(fullName, displayName, null, null, [], diagnostics);
        }

        FixtureMethodPlan? setup = null, cleanup = null;
        var cases = new List<TestCasePlan>();
        bool hasInstanceMembers = false;
        foreach (IMethodSymbol method in type.GetMembers().OfType<IMethodSymbol>())
        {
            cancel.ThrowIfCancellationRequested();
            bool isTest = Has(method, KnownNames.TestMethodAttribute);
            bool isSetup = Has(method, KnownNames.SetupAttribute);
            bool isCleanup = Has(method, KnownNames.CleanupAttribute);
            if (!isTest && !isSetup && !isCleanup)
                continue;
            Location? location = method.Locations.FirstOrDefault();
            string? problem = MethodProblem(method, allowParameters: isTest && !isSetup && !isCleanup);
            if (problem is not null)
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.MethodShape, location, method.Name, problem));
                continue;
            }
            hasInstanceMembers |= !method.IsStatic;

            if (isSetup || isCleanup)
            {
                if (isTest)
                {
                    diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.MethodShape, location, method.Name,
                        "a method is either a test or a setup/cleanup method, not both"));
                    continue;
                }
                string kind = isSetup ? "Setup" : "Cleanup";
                if ((isSetup ? setup : cleanup) is not null)
                {
                    diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.Duplicate, location, displayName, kind));
                    continue;
                }
                var plan = new FixtureMethodPlan(method.Name, method.IsStatic);
                if (isSetup) setup = plan; else cleanup = plan;
                continue;
            }

            ReadCases(method, displayName, location, cases, diagnostics);
        }

        if (hasInstanceMembers && !CanConstruct(type))
        {
            diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.ClassShape, classLocation, displayName,
                "instance test methods need a non-abstract, non-static class with an accessible parameterless constructor"));
        }
        return new TestClassPlan(fullName, displayName, setup, cleanup, cases, diagnostics);
    }

    private static void ReadCases(IMethodSymbol method, string className, Location? location, List<TestCasePlan> cases, List<DiagnosticInfo> diagnostics)
    {
        string baseName = className + "." + method.Name;
        ImmutableArray<AttributeData> rows = method.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == KnownNames.DataRowAttribute)
            .ToImmutableArray();
        if (rows.Length == 0)
        {
            if (method.Parameters.Length > 0)
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.DataRowMismatch, location, method.Name,
                    $"the method takes {method.Parameters.Length} parameter(s) but has no [DataRow]"));
            }
            else
            {
                cases.Add(new TestCasePlan(baseName, method.Name, method.IsStatic, ""));
            }
            return;
        }

        foreach (AttributeData row in rows)
        {
            Location? rowLocation = row.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? location;
            ImmutableArray<TypedConstant> values = RowValues(row);
            if (values.Length != method.Parameters.Length)
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.DataRowMismatch, rowLocation, method.Name,
                    $"{values.Length} value(s) for {method.Parameters.Length} parameter(s)"));
                continue;
            }
            var code = new List<string>();
            var display = new List<string>();
            string? error = null;
            for (int i = 0; i < values.Length && error is null; i++)
            {
                DataRowArgument argument = DataRowArgument.From(values[i], method.Parameters[i]);
                error = argument.Error;
                code.Add(argument.Code);
                display.Add(argument.Display);
            }
            if (error is not null)
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.DataRowMismatch, rowLocation, method.Name, error));
                continue;
            }
            string name = $"{baseName}({string.Join(", ", display)})";
            if (cases.Any(c => c.Name == name))
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.DataRowMismatch, rowLocation, method.Name,
                    $"the row {name} appears twice"));
                continue;
            }
            cases.Add(new TestCasePlan(name, method.Name, method.IsStatic, string.Join(", ", code)));
        }
    }

    // DataRow(params object?[] data): the compiler packs the values into one array argument;
    // DataRow(null) binds null to the array itself, which means one null value.
    private static ImmutableArray<TypedConstant> RowValues(AttributeData row)
    {
        if (row.ConstructorArguments.Length != 1)
            return row.ConstructorArguments;
        TypedConstant packed = row.ConstructorArguments[0];
        if (packed.Kind != TypedConstantKind.Array)
            return row.ConstructorArguments;
        return packed.IsNull ? ImmutableArray.Create(packed) : packed.Values;
    }

    private static bool Has(ISymbol symbol, string attribute) =>
        symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == attribute);

    private static string? ClassProblem(INamedTypeSymbol type)
    {
        if (type.IsGenericType)
            return "a generic class cannot be instantiated by the generated runner";
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
        {
            if (t.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
                return "it must be public or internal (nested classes too) so the generated runner can reach it";
        }
        return null;
    }

    private static string? MethodProblem(IMethodSymbol method, bool allowParameters)
    {
        if (method.MethodKind != MethodKind.Ordinary)
            return "only ordinary methods can be tests";
        if (method.IsGenericMethod)
            return "generic methods are not supported";
        if (!method.ReturnsVoid)
            return "it must return void";
        if (method.IsAbstract)
            return "it is abstract";
        if (method.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
            return "it must be public or internal";
        if (!allowParameters && method.Parameters.Length > 0)
            return "setup and cleanup methods take no parameters";
        return null;
    }

    private static bool CanConstruct(INamedTypeSymbol type) =>
        !type.IsStatic && !type.IsAbstract
        && type.InstanceConstructors.Any(c => c.Parameters.Length == 0
                                               && c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal);

    // Nested classes read Outer.Inner, without the namespace (docs/conventions.md §2: <Class>.<Method>).
    private static string DisplayName(INamedTypeSymbol type)
    {
        var parts = new List<string>();
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
            parts.Insert(0, t.Name);
        return string.Join(".", parts);
    }
}
