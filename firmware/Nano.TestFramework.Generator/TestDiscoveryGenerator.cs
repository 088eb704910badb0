// Build-time test discovery: every [TestClass] in the suite project becomes part of one generated
// entry point, so the image needs no reflection to find or call its tests.
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Nano.TestFramework.Generator;

[Generator(LanguageNames.CSharp)]
public sealed class TestDiscoveryGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<ImmutableArray<TestClassPlan>> classes = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.TestClassAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (attributed, cancel) => TestClassReader.Read((INamedTypeSymbol)attributed.TargetSymbol, cancel))
            .Collect();

        IncrementalValueProvider<string> entryPoint = context.AnalyzerConfigOptionsProvider.Select(static (options, _) =>
            options.GlobalOptions.TryGetValue(KnownNames.EntryPointProperty, out string? value) && !string.IsNullOrWhiteSpace(value)
                ? value.Trim()
                : KnownNames.DefaultEntryPoint);

        IncrementalValueProvider<string> suiteName = context.CompilationProvider.Select(static (compilation, _) =>
            compilation.AssemblyName ?? "Tests");

        context.RegisterSourceOutput(classes.Combine(entryPoint).Combine(suiteName), static (output, input) =>
        {
            ((ImmutableArray<TestClassPlan> found, string entry), string suite) = input;
            // A partial class attributed on several parts is found once per part; keep the first.
            List<TestClassPlan> unique = found
                .GroupBy(c => c.FullyQualifiedName)
                .Select(g => g.First())
                .OrderBy(c => c.FullyQualifiedName, System.StringComparer.Ordinal)
                .ToList();
            foreach (DiagnosticInfo diagnostic in unique.SelectMany(c => c.Diagnostics))
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            if (unique.All(c => c.Cases.Count == 0))
                output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NoTests, null, suite));
            output.AddSource("TestEntry.g.cs", EntryPointEmitter.Emit(suite, entry, unique));
        });
    }
}
