// The names the generator matches in user code and the runtime API it emits calls to; both sides
// (firmware/Nano.TestFramework and tools/Nf's TestCatalog reader) must change together with these.
namespace Nano.TestFramework.Generator;

internal static class KnownNames
{
    public const string TestClassAttribute = "Nano.TestFramework.TestClassAttribute";
    public const string TestMethodAttribute = "Nano.TestFramework.TestMethodAttribute";
    public const string SetupAttribute = "Nano.TestFramework.SetupAttribute";
    public const string CleanupAttribute = "Nano.TestFramework.CleanupAttribute";
    public const string DataRowAttribute = "Nano.TestFramework.DataRowAttribute";

    /// <summary>The on-target runner the generated entry point drives.</summary>
    public const string Runner = "global::Nano.TestFramework.TestRunner";

    /// <summary>Namespace, type and constant holding the test names (read from metadata by tools/Nf).</summary>
    public const string GeneratedNamespace = "Nano.TestFramework.Generated";
    public const string CatalogType = "TestCatalog";
    public const string CatalogField = "Tests";
    public const char CatalogSeparator = '\n';

    /// <summary>MSBuild property naming the symbol the board's boot stub calls (CompilerVisibleProperty).</summary>
    public const string EntryPointProperty = "build_property.NanoTestEntryPoint";
    // boards/qemu-virt/boot.S calls it after bring-up and passes its return value to nano_power_exit.
    public const string DefaultEntryPoint = "nano_program_main";
}
