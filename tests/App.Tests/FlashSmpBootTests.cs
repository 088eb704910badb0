// The firmware program as real firmware boots it: from flash bank 0, with four CPUs online.
namespace App.Tests;

[Collection(FirmwareBoots.Name)]
public class FlashSmpBootTests
{
    [Fact]
    public async Task The_program_boots_from_flash_with_four_cpus_online_and_its_shell_answers()
    {
        ShellRun run = await ShellRun.WithScriptFileAsync(["info", "exit"], boot: ["--flash", "--smp", "4"]);

        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}\n{run.Errors}\n{string.Join('\n', run.Lines)}");
        Assert.Contains("  CPUs: 4 online", run.Lines);
        Assert.Contains("device tree at 0x40000000", string.Join('\n', run.Lines.Where(l => l.StartsWith("  image:", StringComparison.Ordinal))));
        Assert.Contains("vendor          NfSilicon", run.ReplyTo("info"));
        Assert.Contains("bye", run.Lines);
    }
}
