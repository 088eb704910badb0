// nf-image.json as written by the image build (docs/conventions.md §1): accepted shapes and refused ones.
using Nf.Images;
using Xunit;

namespace Nf.Tests;

public class ImageManifestTests
{
    [Fact]
    public void The_conventions_example_reads_back_field_by_field()
    {
        ImageManifest manifest = ImageManifest.Parse("""
            { "name": "CoreLib.Tests", "kind": "test", "devices": ["rng"], "modes": ["legacy", "modern"],
              "expectExit": 0, "expectOutput": null, "timeoutSeconds": 60 }
            """, "/out");

        Assert.Equal("CoreLib.Tests", manifest.Name);
        Assert.Equal(ImageKind.Test, manifest.Kind);
        Assert.Equal(["rng"], manifest.Devices);
        Assert.Equal([VirtioMode.Legacy, VirtioMode.Modern], manifest.Modes);
        Assert.Equal(0, manifest.ExpectExit);
        Assert.Null(manifest.ExpectOutput);
        Assert.Equal(60, manifest.TimeoutSeconds);
        Assert.Equal(Path.Combine("/out", "image.elf"), manifest.ImagePath);
        Assert.False(manifest.ExpectsDeath);
    }

    [Fact]
    public void Only_name_and_kind_are_required()
    {
        ImageManifest manifest = ImageManifest.Parse("""{ "name": "App", "kind": "app" }""", "/out");

        Assert.Empty(manifest.Devices);
        Assert.Equal([VirtioMode.Legacy], manifest.Modes);
        Assert.Equal(60, manifest.TimeoutSeconds);
    }

    [Fact]
    public void MSBuild_style_text_values_are_accepted()
    {
        ImageManifest manifest = ImageManifest.Parse("""
            { "name": "Seal.Tests", "kind": "test", "devices": "rng;scmi", "modes": "modern",
              "expectExit": "2", "expectOutput": "PANIC: allocation after seal", "timeoutSeconds": "15" }
            """, "/out");

        Assert.Equal(["rng", "scmi"], manifest.Devices);
        Assert.Equal([VirtioMode.Modern], manifest.Modes);
        Assert.Equal(2, manifest.ExpectExit);
        Assert.Equal(15, manifest.TimeoutSeconds);
        Assert.True(manifest.ExpectsDeath);
    }

    [Fact]
    public void Cpus_defaults_to_one_and_reads_back_as_written()
    {
        Assert.Equal(1, ImageManifest.Parse("""{ "name": "A", "kind": "test" }""", "/out").Cpus);
        Assert.Equal(4, ImageManifest.Parse("""{ "name": "A", "kind": "test", "cpus": "4" }""", "/out").Cpus);
    }

    [Theory]
    [InlineData("""not json""", "not JSON")]
    [InlineData("""[1]""", "expected an object")]
    [InlineData("""{ "kind": "test" }""", "'name' is missing")]
    [InlineData("""{ "name": "A,B", "kind": "test" }""", "without commas")]
    [InlineData("""{ "name": "", "kind": "test" }""", "non-empty")]
    [InlineData("""{ "name": "A", "kind": "library" }""", "neither 'app' nor 'test'")]
    [InlineData("""{ "name": "A", "kind": "test", "modes": ["pci"] }""", "mode 'pci'")]
    [InlineData("""{ "name": "A", "kind": "test", "modes": [] }""", "modes is empty")]
    [InlineData("""{ "name": "A", "kind": "test", "devices": [1] }""", "only strings")]
    [InlineData("""{ "name": "A", "kind": "test", "timeoutSeconds": 0 }""", "must be positive")]
    [InlineData("""{ "name": "A", "kind": "test", "timeoutSeconds": 1.5 }""", "must be an integer")]
    [InlineData("""{ "name": "A", "kind": "test", "expectExit": 256 }""", "not a process exit code")]
    [InlineData("""{ "name": 5, "kind": "test" }""", "must be a string")]
    [InlineData("""{ "name": "A", "kind": "test", "cpus": 0 }""", "cpus 0 is not 1..8")]
    [InlineData("""{ "name": "A", "kind": "test", "cpus": 9 }""", "cpus 9 is not 1..8")]
    public void Malformed_manifests_are_refused_with_the_reason(string json, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => ImageManifest.Parse(json, "/out", "x/nf-image.json"));

        Assert.Contains(reason, error.Message);
        Assert.StartsWith("x/nf-image.json", error.Message);
    }

    [Fact]
    public void Platform_profiles_read_back_in_order_with_their_arguments_kept_whole()
    {
        ImageManifest manifest = ImageManifest.Parse("""
            { "name": "Scmi.Faults", "kind": "test", "devices": ["scmi"],
              "platformProfiles": [{ "name": "delay", "arguments": ["--fault", "drop=CLOCK.RATE_GET;x,y", "--seed", "7"] },
                                   { "name": "plain" }] }
            """, "/out");

        Assert.Equal(["delay", "plain"], manifest.PlatformProfiles.Select(p => p.Name));
        Assert.Equal(["--fault", "drop=CLOCK.RATE_GET;x,y", "--seed", "7"], manifest.PlatformProfiles[0].Arguments);
        Assert.Empty(manifest.PlatformProfiles[1].Arguments);
    }

    [Fact]
    public void A_manifest_without_profiles_has_none()
    {
        Assert.Empty(ImageManifest.Parse("""{ "name": "A", "kind": "test", "platformProfiles": [] }""", "/out").PlatformProfiles);
        Assert.Empty(ImageManifest.Parse("""{ "name": "A", "kind": "test" }""", "/out").PlatformProfiles);
    }

    [Theory]
    [InlineData("""{ "name": "A", "kind": "test", "platformProfiles": {} }""", "'platformProfiles' must be an array")]
    [InlineData("""{ "name": "A", "kind": "test", "platformProfiles": ["delay"] }""", "must be an object")]
    [InlineData("""{ "name": "A", "kind": "test", "platformProfiles": [{ "arguments": [] }] }""", "'name' is missing")]
    [InlineData("""{ "name": "A", "kind": "test", "platformProfiles": [{ "name": "two words" }] }""", "profile name 'two words'")]
    [InlineData("""{ "name": "A", "kind": "test", "platformProfiles": [{ "name": "a,b" }] }""", "profile name 'a,b'")]
    [InlineData("""{ "name": "A", "kind": "test", "platformProfiles": [{ "name": "x]" }] }""", "profile name 'x]'")]
    [InlineData("""{ "name": "A", "kind": "test", "platformProfiles": [{ "name": "d" }, { "name": "d" }] }""", "listed twice")]
    [InlineData("""{ "name": "A", "kind": "test", "platformProfiles": [{ "name": "d", "arguments": "--seed 7" }] }""", "must be an array of strings")]
    [InlineData("""{ "name": "A", "kind": "test", "platformProfiles": [{ "name": "d", "arguments": [7] }] }""", "must be an array of strings")]
    public void Malformed_platform_profiles_are_refused_with_the_reason(string json, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => ImageManifest.Parse(json, "/out", "x/nf-image.json"));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Read_takes_the_folder_of_the_file_as_the_image_folder()
    {
        string dir = Directory.CreateTempSubdirectory("nf-manifest-").FullName;
        try
        {
            string path = Path.Combine(dir, ImageManifest.FileName);
            File.WriteAllText(path, """{ "name": "X", "kind": "test" }""");

            Assert.Equal(Path.Combine(dir, "image.elf"), ImageManifest.Read(path).ImagePath);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
