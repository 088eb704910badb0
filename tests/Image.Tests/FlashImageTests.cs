// The flash board variant's image (flash.img) and the GICv3 variant's image, as every firmware build leaves them
// beside image.elf (boards/qemu-virt/Board.targets step 5; firmware/README.md "Boot from flash").
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Image.Tests;

public partial class FlashImageTests
{
    private static readonly string ElfPath = BuiltImage.Ring.Path;
    private static readonly string Folder = System.IO.Path.GetDirectoryName(ElfPath)!;

    // "#define Name ADDRESS(0x...)" lines of board-map.h: the same numbers the boot stub and the linker script use.
    [GeneratedRegex(@"^#define (?<name>\w+) ADDRESS\((?<value>0x[0-9A-Fa-f]+)\)", RegexOptions.Multiline)]
    private static partial Regex BoardMapLine();

    private static ulong BoardMap(string name)
    {
        string? header = typeof(FlashImageTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "BoardMapHeader")?.Value;
        Assert.False(header is null, "no BoardMapHeader metadata in the test assembly");
        Match? line = BoardMapLine().Matches(File.ReadAllText(header!)).FirstOrDefault(m => m.Groups["name"].Value == name);
        Assert.False(line is null, $"{name} is not in {header}");
        return ulong.Parse(line!.Groups["value"].Value.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, ulong> Symbols(string elf)
    {
        var start = new ProcessStartInfo("aarch64-linux-gnu-nm", $"\"{elf}\"") { RedirectStandardOutput = true };
        using Process nm = Process.Start(start) ?? throw new InvalidOperationException("cannot start aarch64-linux-gnu-nm");
        var symbols = new Dictionary<string, ulong>();
        foreach (string line in nm.StandardOutput.ReadToEnd().Split('\n'))
        {
            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 3 && ulong.TryParse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ulong value))
                symbols.TryAdd(parts[2], value);
        }
        nm.WaitForExit();
        Assert.Equal(0, nm.ExitCode);
        return symbols;
    }

    [Fact]
    public void Flash_img_is_image_bin_at_offset_0_zero_padded_to_the_size_of_flash_bank_0()
    {
        byte[] flash = File.ReadAllBytes(System.IO.Path.Combine(Folder, "flash.img"));
        byte[] image = File.ReadAllBytes(System.IO.Path.Combine(Folder, "image.bin"));

        // QEMU refuses a pflash file whose size is not the bank's.
        Assert.Equal(BoardMap("FlashBankSize"), (ulong)flash.LongLength);
        Assert.True(flash.AsSpan(0, image.Length).SequenceEqual(image), "flash.img does not start with image.bin");
        int stray = flash.AsSpan(image.Length).IndexOfAnyExcept((byte)0);
        Assert.True(stray < 0, $"flash.img holds a non-zero byte at {image.Length + stray:#,0}, past the image");
    }

    [Fact]
    public void The_first_byte_of_flash_is_the_entry_and_the_flat_image_is_exactly_what_the_stub_copies()
    {
        Dictionary<string, ulong> symbols = Symbols(ElfPath);
        long imageBytes = new FileInfo(System.IO.Path.Combine(Folder, "image.bin")).Length;

        // The CPU starts at FlashBase, offset 0 of flash.img, which is image.bin's first byte: _start must be there.
        Assert.Equal(BoardMap("ImageBase"), symbols["_start"]);
        Assert.Equal(symbols["_start"], symbols["__image_start"]);
        // boot.S copies [__image_start, __image_end) out of flash (rounded up to 16 bytes): all of image.bin,
        // and nothing .bss-side the flat binary does not hold.
        Assert.Equal((ulong)imageBytes, symbols["__image_end"] - symbols["__image_start"]);
        Assert.True(symbols["__bss_start"] >= symbols["__image_end"], "the .bss starts inside the copied image");
    }

    [Fact]
    public void The_boot_stub_copies_itself_out_of_flash_and_hands_over_the_device_tree_at_the_start_of_RAM()
    {
        List<Instruction> start = BuiltImage.Ring.Function("_start");
        string[] text = start.Select(i => i.Text).ToArray();

        int where = Array.FindIndex(text, t => t.StartsWith("adr x1,", StringComparison.Ordinal));
        int copyLoad = Array.IndexOf(text, "ldp x4, x5, [x1], #16");
        int copyStore = Array.IndexOf(text, "stp x4, x5, [x2], #16");
        int invalidate = Array.IndexOf(text, "ic iallu");
        int deviceTree = Array.FindIndex(text, t => t == $"mov x0, #0x{BoardMap("DeviceTreeBase"):x}");
        int jump = Array.IndexOf(text, "br x1");
        Assert.True(where >= 0 && copyLoad > where && copyStore == copyLoad + 1 && invalidate > copyStore
                    && deviceTree > invalidate && jump > deviceTree, string.Join("\n", start));
        // The relocation runs before anything else touches memory: the first call comes after the jump.
        int firstCall = start.FindIndex(i => i.Mnemonic == "bl");
        Assert.True(firstCall > jump, string.Join("\n", start));
    }

    [Fact]
    public void The_gicv3_image_differs_from_image_elf_only_in_the_gic_it_is_built_for()
    {
        Assert.Equal(["mov x0, #0x2", "ret"], BuiltImage.Ring.Function("nano_board_gic_version").Select(i => i.Text));
        Assert.Equal(["mov x0, #0x3", "ret"], BuiltImage.RingGicV3.Function("nano_board_gic_version").Select(i => i.Text));

        Assert.Equal(BuiltImage.Ring.Functions.Keys.Order(), BuiltImage.RingGicV3.Functions.Keys.Order());
        foreach ((string symbol, List<Instruction> body) in BuiltImage.Ring.Functions.Where(f => f.Key != "nano_board_gic_version"))
            Assert.True(body.SequenceEqual(BuiltImage.RingGicV3.Functions[symbol]), $"{symbol} differs between image.elf and gicv3/image.elf");
    }
}
