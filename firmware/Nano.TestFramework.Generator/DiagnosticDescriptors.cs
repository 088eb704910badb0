// Errors the generator reports when a test cannot be run on target as written.
using Microsoft.CodeAnalysis;

namespace Nano.TestFramework.Generator;

internal static class DiagnosticDescriptors
{
    private const string Category = "Nano.TestFramework";

    public static readonly DiagnosticDescriptor MethodShape = new(
        "NTF001", "Test method cannot be called",
        "'{0}' cannot be a test, setup or cleanup method: {1}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ClassShape = new(
        "NTF002", "Test class cannot be used",
        "Test class '{0}' cannot be used: {1}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DataRowMismatch = new(
        "NTF003", "Data row does not fit the test method",
        "DataRow on '{0}': {1}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor Duplicate = new(
        "NTF004", "More than one setup or cleanup method",
        "Test class '{0}' has more than one [{1}] method; keep one",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NoTests = new(
        "NTF005", "No tests found",
        "No [TestClass] with [TestMethod] methods was found in '{0}'; the image will report an empty suite",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);
}
