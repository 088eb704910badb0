// Build-time discovery: what the generator finds, the entry point it emits (run on the host against a
// recording runner), the catalog tools/Nf reads back, and the errors it gives for tests it cannot call.
using Nf.Images;
using Xunit;

namespace Nf.Tests;

public class TestDiscoveryGeneratorTests
{
    private const string Suite = """
        using Nano.TestFramework;
        using Log = Nano.TestFramework.TestRunner;

        namespace Sample
        {
            public enum Mode { Legacy = 1, Modern = 2 }

            [TestClass]
            public class MathTests
            {
                private int _base;

                [Setup] public void Prepare() { _base = 40; Log.Log.Add("setup MathTests"); }
                [Cleanup] public static void Done() => Log.Log.Add("cleanup MathTests");

                [TestMethod] public void Adds() => Log.Log.Add("Adds " + (_base + 2));

                [TestMethod]
                [DataRow(1, 2u, (byte)3)]
                [DataRow(-5, 4000000000u, (byte)255)]
                public static void Rows(int a, uint b, byte c) => Log.Log.Add($"Rows {a} {b} {c}");

                [TestMethod]
                [DataRow("a,b)", 'x', true, Mode.Modern)]
                [DataRow(null, '\'', false, (Mode)7)]
                public static void Texts(string? s, char c, bool f, Mode m) => Log.Log.Add($"Texts {s ?? "null"} {c} {f} {m}");

                [TestMethod] [DataRow(5000000000L, 18446744073709551615ul, 1.5, 2.25f)]
                public static void Wide(long l, ulong u, double d, float f) => Log.Log.Add($"Wide {l} {u} {d} {f}");

                public void NotATest() { }
            }

            [TestClass]
            public static class AStaticClass
            {
                [TestMethod] public static void Only() => Log.Log.Add("Only");

                [TestClass]
                internal static class Nested
                {
                    [TestMethod] internal static void Inner() => Log.Log.Add("Inner");
                }
            }
        }
        """;

    [Fact]
    public void The_generated_entry_point_runs_setup_each_case_and_cleanup_in_order()
    {
        GeneratorHarness harness = GeneratorHarness.Run(Suite);
        Assert.Empty(harness.Errors);

        IReadOnlyList<string> log = harness.Execute();

        Assert.Equal(
            [
                "suite Sample.Tests",
                "class AStaticClass", "run AStaticClass.Only", "Only", "end AStaticClass",
                "class AStaticClass.Nested", "run AStaticClass.Nested.Inner", "Inner", "end AStaticClass.Nested",
                "class MathTests", "setup MathTests",
                "run MathTests.Adds", "Adds 42",
                "run MathTests.Rows(1, 2, 3)", "Rows 1 2 3",
                "run MathTests.Rows(-5, 4000000000, 255)", "Rows -5 4000000000 255",
                "run MathTests.Texts(\"a,b)\", 'x', true, Mode.Modern)", "Texts a,b) x True Modern",
                "run MathTests.Texts(null, '\\'', false, 7)", "Texts null ' False 7",
                "run MathTests.Wide(5000000000, 18446744073709551615, 1.5, 2.25)", "Wide 5000000000 18446744073709551615 1.5 2.25",
                "cleanup MathTests", "end MathTests",
                "summary",
            ],
            log);
    }

    [Fact]
    public void The_catalog_in_metadata_lists_every_case_for_the_runner()
    {
        GeneratorHarness harness = GeneratorHarness.Run(Suite);
        string dll = Path.Combine(Directory.CreateTempSubdirectory("nf-catalog-").FullName, "Sample.Tests.dll");
        try
        {
            harness.EmitTo(dll);

            IReadOnlyList<string>? names = TestCatalog.Read(dll);

            Assert.NotNull(names);
            Assert.Equal(8, names.Count);
            Assert.Equal("AStaticClass.Only", names[0]);
            Assert.Contains("MathTests.Texts(\"a,b)\", 'x', true, Mode.Modern)", names);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(dll)!, true);
        }
    }

    [Fact]
    public void Catalog_names_parse_back_as_serial_test_names()
    {
        GeneratorHarness harness = GeneratorHarness.Run(Suite);
        string dll = Path.Combine(Directory.CreateTempSubdirectory("nf-catalog-").FullName, "Sample.Tests.dll");
        try
        {
            harness.EmitTo(dll);
            foreach (string name in TestCatalog.Read(dll)!)
            {
                var log = Nf.Results.SerialLog.Parse([$"Test passed,{name},9", $"Test failed,{name},Expected 1, got 2"]);
                Assert.Equal([name, name], log.Cases.Select(c => c.Name));
            }
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(dll)!, true);
        }
    }

    [Fact]
    public void The_entry_symbol_follows_the_build_property()
    {
        Assert.Contains("EntryPoint = \"board_main\"", GeneratorHarness.Run(Suite, entryPoint: "board_main").Generated);
        Assert.Contains("EntryPoint = \"nano_program_main\"", GeneratorHarness.Run(Suite).Generated);
    }

    [Theory]
    [InlineData("[TestMethod] [DataRow(1, 2)] public static void M(int a) { }", "NTF003", "2 value(s) for 1 parameter(s)")]
    [InlineData("[TestMethod] public static void M(int a) { }", "NTF003", "has no [DataRow]")]
    [InlineData("[TestMethod] [DataRow(\"x\")] public static void M(int a) { }", "NTF003", "a string cannot be passed")]
    [InlineData("[TestMethod] [DataRow(null)] public static void M(int a) { }", "NTF003", "null cannot be passed")]
    [InlineData("[TestMethod] [DataRow(new[] { 1 })] public static void M(int[] a) { }", "NTF003", "array arguments")]
    [InlineData("[TestMethod] [DataRow(1)] [DataRow(1)] public static void M(int a) { }", "NTF003", "appears twice")]
    [InlineData("[TestMethod] public static int M() => 1;", "NTF001", "must return void")]
    [InlineData("[TestMethod] private static void M() { }", "NTF001", "public or internal")]
    [InlineData("[TestMethod] public static void M<T>() { }", "NTF001", "generic methods")]
    [InlineData("[Setup] public static void M(int a) { }", "NTF001", "take no parameters")]
    [InlineData("[Setup] public static void A() { } [Setup] public static void B() { }", "NTF004", "more than one [Setup]")]
    [InlineData("[TestMethod, Setup] public static void M() { }", "NTF001", "not both")]
    public void Tests_that_cannot_be_called_are_build_errors(string member, string id, string message)
    {
        GeneratorHarness harness = GeneratorHarness.Run($"using Nano.TestFramework; [TestClass] public class C {{ {member} }}");

        Assert.Contains(harness.Diagnostics, d => d.Id == id && d.GetMessage().Contains(message));
    }

    [Theory]
    [InlineData("public class Outer { [TestClass] private class C { [TestMethod] public static void M() { } } }", "public or internal")]
    [InlineData("[TestClass] public class C<T> { [TestMethod] public static void M() { } }", "generic class")]
    [InlineData("[TestClass] public abstract class C { [TestMethod] public void M() { } }", "parameterless constructor")]
    [InlineData("[TestClass] public class C { private C() { } [TestMethod] public void M() { } }", "parameterless constructor")]
    public void Classes_that_cannot_be_used_are_build_errors(string source, string message)
    {
        GeneratorHarness harness = GeneratorHarness.Run("using Nano.TestFramework; " + source);

        Assert.Contains(harness.Diagnostics, d => d.Id == "NTF002" && d.GetMessage().Contains(message));
    }

    [Fact]
    public void A_well_formed_class_gives_no_diagnostics_and_an_empty_project_a_warning()
    {
        Assert.Empty(GeneratorHarness.Run("using Nano.TestFramework; [TestClass] public class C { [TestMethod] public void M() { } }").Diagnostics);

        GeneratorHarness empty = GeneratorHarness.Run("public class Nothing { }");
        Assert.Contains(empty.Diagnostics, d => d.Id == "NTF005" && d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);
        Assert.Empty(empty.Errors);
        Assert.Equal(["suite Sample.Tests", "summary"], empty.Execute());
    }
}
