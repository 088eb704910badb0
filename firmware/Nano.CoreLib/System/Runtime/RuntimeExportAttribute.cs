// Runtime export/import markers ilc understands: exports become global symbols the generated code calls.
namespace System.Runtime;

[AttributeUsage(AttributeTargets.Method, Inherited = false)]
internal sealed class RuntimeExportAttribute : Attribute
{
    public RuntimeExportAttribute(string entry) { Entry = entry; }
    public string Entry { get; }
}

[AttributeUsage(AttributeTargets.Method, Inherited = false)]
internal sealed class RuntimeImportAttribute : Attribute
{
    public RuntimeImportAttribute(string entry) { EntryPoint = entry; }
    public RuntimeImportAttribute(string dllName, string entry) { DllName = dllName; EntryPoint = entry; }
    public string? DllName { get; }
    public string EntryPoint { get; }
}
