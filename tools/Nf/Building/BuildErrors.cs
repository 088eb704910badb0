// Picks MSBuild's error lines out of build output and says which project each belongs to.
using System.Text.RegularExpressions;

namespace Nf.Building;

public static partial class BuildErrors
{
    // "path/File.cs(12,5): error CS1002: ; expected [/abs/Project.csproj]"
    [GeneratedRegex(@"^(?<text>.*?:\s*error\s+.*?)\s*\[(?<project>[^\[\]]+\.(cs|fs|vb)?proj)(::[^\]]*)?\]\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorLine();

    /// <summary>Each project named in an error line, with its distinct error texts in order.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ByProject(string buildOutput)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (string raw in buildOutput.Split('\n'))
        {
            Match match = ErrorLine().Match(raw.TrimEnd('\r').Trim());
            if (!match.Success)
                continue;
            string project = Path.GetFullPath(match.Groups["project"].Value);
            if (!errors.TryGetValue(project, out List<string>? list))
                errors[project] = list = [];
            string text = match.Groups["text"].Value;
            if (!list.Contains(text))
                list.Add(text);
        }
        return errors.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value, StringComparer.Ordinal);
    }

    /// <summary>All error lines, for a build that failed without naming a project.</summary>
    public static IReadOnlyList<string> Lines(string buildOutput) =>
        buildOutput.Split('\n').Select(l => l.TrimEnd('\r').Trim())
            .Where(l => l.Contains(": error ", StringComparison.OrdinalIgnoreCase) || l.StartsWith("error ", StringComparison.OrdinalIgnoreCase)
                        || l.Contains("MSBUILD : error", StringComparison.OrdinalIgnoreCase))
            .Distinct().ToList();
}
