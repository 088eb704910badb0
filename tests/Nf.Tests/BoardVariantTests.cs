// Board variants (kernel, flash, gicv3): how the manifest names them, the boots they multiply into, the QEMU
// arguments each gets from the real boards/qemu-virt/qemu.json, and the FILTER that selects them.
using Nf.Images;
using Nf.Qemu;
using Nf.Results;
using Xunit;

namespace Nf.Tests;

public class BoardVariantTests
{
    private static readonly LaunchProfile Profile = LaunchProfile.Load(LaunchProfile.FindRepoRoot());

    private static ImageManifest Manifest(string boards, string profiles = "[]") =>
        ImageManifest.Parse($$"""{ "name": "Runtime", "kind": "test", "modes": ["legacy", "modern"], "boardVariants": {{boards}}, "platformProfiles": {{profiles}} }""", "/out");

    private static int IndexOfPair(IReadOnlyList<string> args, string first, string second)
    {
        for (int i = 0; i + 1 < args.Count; i++)
        {
            if (args[i] == first && args[i + 1] == second)
                return i;
        }
        return -1;
    }

    [Fact]
    public void A_manifest_without_board_variants_boots_with_kernel_only()
    {
        ImageManifest manifest = ImageManifest.Parse("""{ "name": "App", "kind": "app" }""", "/out");

        Assert.Equal([BoardVariant.Kernel], manifest.BoardVariants);
        Assert.All(BootVariant.For(manifest), b => Assert.Equal(BoardVariant.Kernel, b.Board));
    }

    [Fact]
    public void Board_variants_multiply_the_modes_and_only_the_non_kernel_ones_are_named()
    {
        ImageManifest manifest = Manifest("""["kernel", "flash", "gicv3"]""");

        IReadOnlyList<BootVariant> boots = BootVariant.For(manifest);

        Assert.Equal(["Runtime [legacy]", "Runtime [legacy, flash]", "Runtime [legacy, gicv3]",
                      "Runtime [modern]", "Runtime [modern, flash]", "Runtime [modern, gicv3]"],
            boots.Select(b => b.DisplayName(manifest)));
    }

    [Fact]
    public void With_profiles_every_board_variant_boots_under_each_profile()
    {
        ImageManifest manifest = Manifest("""["flash"]""", """[{ "name": "delay", "arguments": ["--seed", "7"] }, { "name": "late", "arguments": [] }]""");

        Assert.Equal(["Runtime [legacy, flash, delay]", "Runtime [legacy, flash, late]", "Runtime [modern, flash, delay]", "Runtime [modern, flash, late]"],
            BootVariant.For(manifest).Select(b => b.DisplayName(manifest)));
    }

    [Theory]
    [InlineData("""["kernal"]""", "'kernal'")]
    [InlineData("""[]""", "empty")]
    [InlineData("""[3]""", "strings")]
    public void Unknown_or_empty_board_variants_are_refused(string boards, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => Manifest(boards));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Each_variant_boots_its_own_file()
    {
        ImageManifest manifest = Manifest("""["kernel", "flash", "gicv3"]""");

        Assert.Equal(Path.Combine("/out", "image.elf"), manifest.BootFileFor(BoardVariant.Kernel));
        Assert.Equal(Path.Combine("/out", "flash.img"), manifest.BootFileFor(BoardVariant.Flash));
        Assert.Equal(Path.Combine("/out", "gicv3", "image.elf"), manifest.BootFileFor(BoardVariant.GicV3));
    }

    [Fact]
    public void A_flash_boot_has_flash_bank_0_read_only_and_no_kernel()
    {
        ImageManifest manifest = Manifest("""["flash"]""");

        IReadOnlyList<string> args = Profile.Arguments(ImageBoot.Request(manifest, BootVariant.For(manifest)[0]));

        Assert.True(IndexOfPair(args, "-drive", "if=pflash,unit=0,format=raw,readonly=on,file=/out/flash.img") >= 0, string.Join(' ', args));
        Assert.DoesNotContain("-kernel", args);
        Assert.DoesNotContain("-bios", args);
    }

    [Fact]
    public void A_flash_boot_under_a_profile_hands_qemu_the_kernel_only_so_that_it_takes_the_bootargs()
    {
        ImageManifest manifest = Manifest("""["flash"]""", """[{ "name": "delay", "arguments": [] }]""");

        IReadOnlyList<string> args = Profile.Arguments(ImageBoot.Request(manifest, BootVariant.For(manifest)[0]));

        int flash = IndexOfPair(args, "-drive", "if=pflash,unit=0,format=raw,readonly=on,file=/out/flash.img");
        int kernel = IndexOfPair(args, "-kernel", "/out/image.elf");
        int append = IndexOfPair(args, "-append", "nf.profile=delay");
        Assert.True(flash >= 0 && kernel > flash && append > kernel, string.Join(' ', args));
    }

    [Fact]
    public void A_gicv3_boot_selects_the_gicv3_machine_and_the_image_built_for_it()
    {
        ImageManifest manifest = Manifest("""["gicv3"]""");

        IReadOnlyList<string> args = Profile.Arguments(ImageBoot.Request(manifest, BootVariant.For(manifest)[0]));

        Assert.True(IndexOfPair(args, "-machine", "gic-version=3") >= 0, string.Join(' ', args));
        Assert.True(IndexOfPair(args, "-kernel", Path.Combine("/out", "gicv3", "image.elf")) >= 0, string.Join(' ', args));
        Assert.DoesNotContain("/out/image.elf", args);
        Assert.DoesNotContain(args, a => a.StartsWith("if=pflash", StringComparison.Ordinal));
    }

    [Fact]
    public void A_kernel_boot_is_the_plain_kernel_boot()
    {
        ImageManifest manifest = Manifest("""["kernel"]""");

        IReadOnlyList<string> args = Profile.Arguments(ImageBoot.Request(manifest, BootVariant.For(manifest)[0]));

        Assert.True(IndexOfPair(args, "-kernel", "/out/image.elf") >= 0);
        Assert.DoesNotContain("gic-version=3", args);
        Assert.DoesNotContain(args, a => a.StartsWith("if=pflash", StringComparison.Ordinal));
    }

    [Fact]
    public void A_board_variant_name_selects_those_boots_whole_and_not_the_kernel_ones()
    {
        var filter = new TestFilter("flash", ["Runtime.Tests", "Scmi.Transport.Tests", "flash", "gicv3"]);

        Assert.True(filter.NamesSuites);
        Assert.True(filter.SelectsBoot("Runtime.Tests", null, "flash"));
        Assert.True(filter.SelectsBoot("Scmi.Transport.Tests", null, "flash"));
        Assert.False(filter.SelectsBoot("Runtime.Tests", null, "gicv3"));
        Assert.False(filter.SelectsBoot("Runtime.Tests", null, null));
        Assert.False(filter.SelectsTest("FlashTests.Anything"));
    }
}
