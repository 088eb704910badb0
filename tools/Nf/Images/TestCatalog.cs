// Reads the test names the source generator records in a suite's IL assembly, so suites can be
// listed and filtered without booting them. The generator (firmware/Nano.TestFramework.Generator)
// emits them as a string constant; constants live in metadata, so ilc leaves no trace of them in the image.
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Nf.Images;

public static class TestCatalog
{
    // The shape the generator emits; both sides must change together.
    public const string Namespace = "Nano.TestFramework.Generated";
    public const string TypeName = "TestCatalog";
    public const string FieldName = "Tests";
    public const char Separator = '\n';

    /// <summary>The test case names recorded in <paramref name="assemblyPath"/>, or null when it holds no catalog.</summary>
    public static IReadOnlyList<string>? Read(string assemblyPath)
    {
        if (!File.Exists(assemblyPath))
            return null;
        using FileStream stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
            return null;
        MetadataReader metadata = pe.GetMetadataReader();
        foreach (TypeDefinitionHandle typeHandle in metadata.TypeDefinitions)
        {
            TypeDefinition type = metadata.GetTypeDefinition(typeHandle);
            if (!metadata.StringComparer.Equals(type.Name, TypeName) || !metadata.StringComparer.Equals(type.Namespace, Namespace))
                continue;
            foreach (FieldDefinitionHandle fieldHandle in type.GetFields())
            {
                FieldDefinition field = metadata.GetFieldDefinition(fieldHandle);
                if (!metadata.StringComparer.Equals(field.Name, FieldName))
                    continue;
                ConstantHandle constantHandle = field.GetDefaultValue();
                if (constantHandle.IsNil)
                    return null;
                Constant constant = metadata.GetConstant(constantHandle);
                if (constant.TypeCode != ConstantTypeCode.String)
                    return null;
                BlobReader blob = metadata.GetBlobReader(constant.Value);
                string names = blob.ReadUTF16(blob.Length);
                return names.Split(Separator, StringSplitOptions.RemoveEmptyEntries);
            }
        }
        return null;
    }

    /// <summary>The catalog of the suite whose build output holds <paramref name="manifest"/>.</summary>
    public static IReadOnlyList<string>? ForImage(ImageManifest manifest, string projectName)
    {
        IReadOnlyList<string>? names = Read(Path.Combine(manifest.Directory, projectName + ".dll"));
        if (names is not null)
            return names;
        // The assembly may be named differently from the project; the image's suite name is the next guess.
        return Read(Path.Combine(manifest.Directory, manifest.Name + ".dll"));
    }
}
