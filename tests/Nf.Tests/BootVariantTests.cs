// The boot matrix of one image (virtio mode × platform profile) and the names its rows get in the results.
using Nf.Images;
using Xunit;

namespace Nf.Tests;

public class BootVariantTests
{
    private static ImageManifest Manifest(string modes, string profiles) =>
        ImageManifest.Parse($$"""{ "name": "Scmi.Faults", "kind": "test", "modes": {{modes}}, "platformProfiles": {{profiles}} }""", "/out");

    private const string TwoProfiles = """[{ "name": "delay", "arguments": ["--fault", "delay=1ms..3ms"] }, { "name": "no-p2a", "arguments": ["--no-p2a"] }]""";

    [Fact]
    public void Without_profiles_there_is_one_boot_per_mode_with_the_daemons_defaults()
    {
        ImageManifest manifest = Manifest("""["legacy", "modern"]""", "[]");

        IReadOnlyList<BootVariant> boots = BootVariant.For(manifest);

        Assert.Equal([new BootVariant(VirtioMode.Legacy, null), new BootVariant(VirtioMode.Modern, null)], boots);
        Assert.All(boots, b => Assert.Empty(b.DaemonArguments));
        Assert.Equal(["Scmi.Faults [legacy]", "Scmi.Faults [modern]"], boots.Select(b => b.DisplayName(manifest)));
    }

    [Fact]
    public void One_mode_and_no_profile_keeps_the_plain_name()
    {
        ImageManifest manifest = Manifest("""["modern"]""", "null");

        BootVariant boot = Assert.Single(BootVariant.For(manifest));

        Assert.Equal("Scmi.Faults", boot.DisplayName(manifest));
    }

    [Fact]
    public void Profiles_multiply_the_modes_and_each_boot_carries_its_profiles_arguments()
    {
        ImageManifest manifest = Manifest("""["legacy", "modern"]""", TwoProfiles);

        IReadOnlyList<BootVariant> boots = BootVariant.For(manifest);

        Assert.Equal(["Scmi.Faults [legacy, delay]", "Scmi.Faults [legacy, no-p2a]", "Scmi.Faults [modern, delay]", "Scmi.Faults [modern, no-p2a]"],
            boots.Select(b => b.DisplayName(manifest)));
        Assert.Equal(["--fault", "delay=1ms..3ms"], boots[2].DaemonArguments);
        Assert.Equal(["--no-p2a"], boots[3].DaemonArguments);
    }

    [Fact]
    public void One_mode_with_profiles_names_only_the_profile()
    {
        ImageManifest manifest = Manifest("""["modern"]""", TwoProfiles);

        Assert.Equal(["Scmi.Faults [delay]", "Scmi.Faults [no-p2a]"], BootVariant.For(manifest).Select(b => b.DisplayName(manifest)));
    }
}
