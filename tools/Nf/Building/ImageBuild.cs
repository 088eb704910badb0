// Builds a set of projects in one `dotnet build` and says which of them failed.
using Nf.Repository;

namespace Nf.Building;

/// <param name="Succeeded">False when the build as a whole failed.</param>
/// <param name="ErrorsByProject">Error lines per project (full path) that had any.</param>
/// <param name="Errors">Every error line, for errors no project claims.</param>
public sealed record BuildOutcome(bool Succeeded, IReadOnlyDictionary<string, IReadOnlyList<string>> ErrorsByProject,
    IReadOnlyList<string> Errors, TimeSpan Elapsed);

public static class ImageBuild
{
    /// <summary>Restores and builds <paramref name="projects"/> through one throw-away solution named <paramref name="setName"/>.</summary>
    /// <param name="onImage">Called with MSBuild's line for each image linked ("Suite -> .../image.elf: text ..., data ..., bss ... bytes").</param>
    public static async Task<BuildOutcome> BuildAsync(RepoLayout layout, string setName, IReadOnlyList<string> projects, CancellationToken cancel = default,
        Action<string>? onImage = null)
    {
        // Named after its content too, so two runs building different sets never rewrite each other's file.
        string key = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(string.Join('\n', projects.Order(StringComparer.Ordinal)))))[..8].ToLowerInvariant();
        string solution = ProjectSet.Write(Path.Combine(layout.WorkDir, $"{setName}-{key}.slnx"), projects);
        using BuildLock held = await BuildLock.AcquireAsync(layout.WorkDir, Progress.Say, cancel);
        // Minimal verbosity prints one "Project -> output" line per project; the image build's line names
        // image.elf with its section sizes, which is worth showing while the rest still builds.
        CommandResult result = await DotnetCommand.RunAsync(layout.Root,
            ["build", solution, "-c", RepoLayout.Configuration, "-v", "m", "--nologo", "-clp:NoSummary"],
            line =>
            {
                if (line.Contains("image.elf", StringComparison.Ordinal) && line.Contains(" -> ", StringComparison.Ordinal))
                    onImage?.Invoke(line.Trim());
            }, cancel);
        return new BuildOutcome(result.ExitCode == 0, BuildErrors.ByProject(result.Output), BuildErrors.Lines(result.Output), result.Elapsed);
    }
}
