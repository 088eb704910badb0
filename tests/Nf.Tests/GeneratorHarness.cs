// Compiles test-suite source on the host with the discovery generator, against stand-ins for the
// framework attributes and a recording TestRunner, so the generated entry point can be run and watched.
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Nano.TestFramework.Generator;

namespace Nf.Tests;

public sealed class GeneratorHarness
{
    // The attribute shapes of firmware/Nano.TestFramework, and a runner that records instead of printing.
    private const string FrameworkStandIn = """
        namespace Nano.TestFramework
        {
            [System.AttributeUsage(System.AttributeTargets.Class)] public sealed class TestClassAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Method)] public sealed class TestMethodAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Method)] public sealed class SetupAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Method)] public sealed class CleanupAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Method, AllowMultiple = true)]
            public sealed class DataRowAttribute : System.Attribute { public DataRowAttribute(params object?[] data) { } }

            public static unsafe class TestRunner
            {
                public static readonly System.Collections.Generic.List<string> Log = new();
                public static void BeginSuite(string suite) => Log.Add("suite " + suite);
                public static bool BeginClass(string name, delegate*<void> setup)
                {
                    Log.Add("class " + name);
                    if (setup != null) setup();
                    return true;
                }
                public static void Run(string name, delegate*<void> body, bool ready)
                {
                    Log.Add("run " + name);
                    body();
                }
                public static void EndClass(string name, delegate*<void> cleanup, bool ready)
                {
                    if (cleanup != null) cleanup();
                    Log.Add("end " + name);
                }
                public static int EndSuite() { Log.Add("summary"); return 0; }
            }
        }
        """;

    private GeneratorHarness(CSharpCompilation compilation, IReadOnlyList<Diagnostic> diagnostics, string generated)
    {
        Compilation = compilation;
        Diagnostics = diagnostics;
        Generated = generated;
    }

    public CSharpCompilation Compilation { get; }
    /// <summary>The generator's diagnostics and the compiler's on the combined output.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
    public string Generated { get; }

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    public static GeneratorHarness Run(string source, string assemblyName = "Sample.Tests", string? entryPoint = null)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p));
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        CSharpCompilation compilation = CSharpCompilation.Create(assemblyName,
            [CSharpSyntaxTree.ParseText(FrameworkStandIn, parse), CSharpSyntaxTree.ParseText(source, parse)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));

        var options = new GlobalOptions(entryPoint is null ? [] : new() { ["build_property.NanoTestEntryPoint"] = entryPoint });
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new TestDiscoveryGenerator().AsSourceGenerator()],
            parseOptions: parse, optionsProvider: new OptionsProvider(options));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out var generatorDiagnostics);
        string generated = string.Join("\n", driver.GetRunResult().GeneratedTrees.Select(t => t.ToString()));
        var all = generatorDiagnostics.Concat(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning)).ToList();
        return new GeneratorHarness((CSharpCompilation)output, all, generated);
    }

    /// <summary>Emits the assembly to <paramref name="path"/> (for metadata readers).</summary>
    public void EmitTo(string path)
    {
        var result = Compilation.Emit(path);
        if (!result.Success)
            throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
    }

    /// <summary>Loads the assembly and calls the generated entry point; returns the runner's log.</summary>
    public unsafe IReadOnlyList<string> Execute()
    {
        using var image = new MemoryStream();
        var result = Compilation.Emit(image);
        if (!result.Success)
            throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
        var context = new AssemblyLoadContext("generated-" + Guid.NewGuid(), isCollectible: true);
        image.Position = 0;
        Assembly assembly = context.LoadFromStream(image);
        MethodInfo main = assembly.GetType("Nano.TestFramework.Generated.TestEntry")!
            .GetMethod("Main", BindingFlags.NonPublic | BindingFlags.Static)!;
        // The entry point is [UnmanagedCallersOnly], as the boot stub calls it: call it the same way.
        var entry = (delegate* unmanaged<int>)main.MethodHandle.GetFunctionPointer();
        if (entry() != 0)
            throw new InvalidOperationException("the generated entry point did not return the runner's exit code");
        var log = (List<string>)assembly.GetType("Nano.TestFramework.TestRunner")!.GetField("Log")!.GetValue(null)!;
        return log.ToList();
    }

    private sealed class GlobalOptions(Dictionary<string, string> values) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }

    private sealed class OptionsProvider(GlobalOptions global) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider
    {
        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GlobalOptions => global;
        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(SyntaxTree tree) => global;
        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(AdditionalText textFile) => global;
    }
}
