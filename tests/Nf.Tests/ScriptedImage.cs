// Builds the fixtures/asm/console-script.S stand-in image: a real AArch64 ELF that QEMU boots, which
// prints given console lines and then exits with a given code or hangs. It lets the runner's process
// handling be tested against real QEMU without depending on the firmware build.
using System.Diagnostics;
using Nf.Images;
using Nf.Qemu;

namespace Nf.Tests;

public sealed class ScriptedImage : IDisposable
{
    private ScriptedImage(string directory, ImageManifest manifest)
    {
        Directory = directory;
        Manifest = manifest;
    }

    public string Directory { get; }
    public ImageManifest Manifest { get; }

    /// <summary>Builds an image printing <paramref name="lines"/>, then exiting with <paramref name="exitCode"/> (null: hanging).</summary>
    public static ScriptedImage Build(string name, IEnumerable<string> lines, int? exitCode, int timeoutSeconds = 30)
    {
        string root = LaunchProfile.FindRepoRoot();
        string source = Path.Combine(root, "tests", "Nf.Tests", "fixtures", "asm", "console-script.S");
        string directory = System.IO.Directory.CreateTempSubdirectory("nf-fixture-").FullName;
        string message = string.Concat(lines.Select(l => l.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\\r\\n"));

        var gcc = new ProcessStartInfo("aarch64-linux-gnu-gcc") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string argument in new[]
                 {
                     "-nostdlib", "-static", "-Wl,-Ttext=0x40100000", "-Wl,--build-id=none",
                     $"-DMESSAGE=\"{message}\"", exitCode is { } code ? $"-DEXIT_CODE={code}" : "-DHANG=1",
                     "-o", Path.Combine(directory, "image.elf"), source,
                 })
        {
            gcc.ArgumentList.Add(argument);
        }
        using (Process process = Process.Start(gcc)!)
        {
            string errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException("building the fixture image failed: " + errors);
        }

        string manifestJson = $$"""{ "name": "{{name}}", "kind": "test", "timeoutSeconds": {{timeoutSeconds}} }""";
        File.WriteAllText(Path.Combine(directory, ImageManifest.FileName), manifestJson);
        return new ScriptedImage(directory, ImageManifest.Read(Path.Combine(directory, ImageManifest.FileName)));
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
