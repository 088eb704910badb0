// Reads the figures out of what the bench's programs print: the firmware's "bench,..." lines, the App's
// banner, the cross `size` tool, and scmi-platform-bench's report lines.
using System.Globalization;
using System.Text.RegularExpressions;

namespace Nf.Bench;

public static partial class BenchOutputParser
{
    /// <summary>"bench,KEY,VALUE,UNIT" (Bench/BenchLine.cs); null for any other line or a malformed one.</summary>
    public static BenchFigure? FirmwareLine(string run, string line)
    {
        string[] parts = line.Trim().Split(',');
        if (parts.Length != 4 || parts[0] != "bench" || parts[1].Length == 0 || parts[3].Length == 0)
            return null;
        if (!double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            return null;
        return new BenchFigure(run, parts[1], value, parts[3]);
    }

    /// <summary>"bench-error,WHAT": the firmware's own report of a failed measurement; null for any other line.</summary>
    public static string? FirmwareError(string line) =>
        line.StartsWith("bench-error,", StringComparison.Ordinal) ? line["bench-error,".Length..].Trim() : null;

    /// <summary>The App banner's "  heap sealed: N bytes in M objects" (firmware/App/Program.cs).</summary>
    public static IEnumerable<BenchFigure> AppLine(string line)
    {
        Match heap = HeapSealed().Match(line);
        if (heap.Success)
        {
            yield return new BenchFigure("app", "footprint.app.heap_sealed", Number(heap.Groups["bytes"].Value), "bytes");
            yield return new BenchFigure("app", "footprint.app.heap_objects", Number(heap.Groups["objects"].Value), "objects");
        }
        Match stack = StackHighWater().Match(line);
        if (stack.Success)
        {
            string name = stack.Groups["name"].Value;
            yield return new BenchFigure("app", $"footprint.app.stack.{name}.used", Number(stack.Groups["used"].Value), "bytes");
            yield return new BenchFigure("app", $"footprint.app.stack.{name}.size", Number(stack.Groups["size"].Value), "bytes");
        }
    }

    /// <summary>Berkeley-format output of `aarch64-linux-gnu-size image.elf`: "text data bss dec hex filename".</summary>
    public static IReadOnlyList<BenchFigure> SizeOutput(string program, string output)
    {
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 2 || !lines[0].StartsWith("text", StringComparison.Ordinal))
            return [];
        string[] columns = lines[1].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (columns.Length < 3 || !long.TryParse(columns[0], out long text) || !long.TryParse(columns[1], out long data)
            || !long.TryParse(columns[2], out long bss))
        {
            return [];
        }
        return
        [
            new BenchFigure("size", $"footprint.{program}.text", text, "bytes"),
            new BenchFigure("size", $"footprint.{program}.data", data, "bytes"),
            new BenchFigure("size", $"footprint.{program}.bss", bss, "bytes"),
        ];
    }

    /// <summary>
    /// One scmi-platform-bench report line (tools/ScmiPlatform.Bench/LatencyStats.cs):
    /// "NAME  N req  R req/s   p50 X us   p90 X us   p99 Y us   max Z us   alloc A B/req   cpu C req/s" (p90, alloc and
    /// cpu optional: lines of older benchmarks parse too).
    /// Empty for any other line.
    /// </summary>
    public static IReadOnlyList<BenchFigure> PlatformLine(string line)
    {
        Match m = PlatformReport().Match(line);
        if (!m.Success)
            return [];
        string scenario = Slug(m.Groups["name"].Value);
        var figures = new List<BenchFigure>
        {
            new("platform", $"platform.{scenario}.rate", Number(m.Groups["rate"].Value), "requests/s"),
            new("platform", $"platform.{scenario}.p50", Number(m.Groups["p50"].Value), "us"),
        };
        if (m.Groups["p90"].Success)
            figures.Add(new("platform", $"platform.{scenario}.p90", Number(m.Groups["p90"].Value), "us"));
        figures.Add(new("platform", $"platform.{scenario}.p99", Number(m.Groups["p99"].Value), "us"));
        figures.Add(new("platform", $"platform.{scenario}.max", Number(m.Groups["max"].Value), "us"));
        if (m.Groups["alloc"].Success)
            figures.Add(new("platform", $"platform.{scenario}.alloc", Number(m.Groups["alloc"].Value), "bytes/request"));
        if (m.Groups["cpu"].Success)
            figures.Add(new("platform", $"platform.{scenario}.cpu_rate", Number(m.Groups["cpu"].Value), "requests/CPU-s"));
        return figures;
    }

    /// <summary>
    /// One line of scmi-platform-bench's vhost-user breakdown (tools/ScmiPlatform.Bench/VhostUserBreakdown.cs):
    /// "split STAGE  p50 X us  mean Y us". Empty for any other line.
    /// </summary>
    public static IReadOnlyList<BenchFigure> PlatformSplitLine(string line)
    {
        Match m = PlatformSplit().Match(line);
        if (!m.Success)
            return [];
        string stage = Slug(m.Groups["stage"].Value);
        return
        [
            new BenchFigure("platform", $"platform.split.{stage}.p50", Number(m.Groups["p50"].Value), "us"),
            new BenchFigure("platform", $"platform.split.{stage}.mean", Number(m.Groups["mean"].Value), "us"),
        ];
    }

    /// <summary>A scenario's description as a key part: lower case, runs of other characters as one '_'.</summary>
    public static string Slug(string text) => NotKeyCharacters().Replace(text.Trim().ToLowerInvariant(), "_").Trim('_');

    private static double Number(string text) =>
        double.Parse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"heap sealed: (?<bytes>\d+) bytes in (?<objects>\d+) objects")]
    private static partial Regex HeapSealed();

    [GeneratedRegex(@"stack (?<name>[a-z]+): (?<used>\d+) of (?<size>\d+) bytes used")]
    private static partial Regex StackHighWater();

    [GeneratedRegex(@"^(?<name>.+?)\s+(?<count>\d+) req\s+(?<rate>[\d,.]+) req/s\s+p50\s+(?<p50>[\d.]+) us\s+(?:p90\s+(?<p90>[\d.]+) us\s+)?p99\s+(?<p99>[\d.]+) us\s+max\s+(?<max>[\d.]+) us(?:\s+alloc\s+(?<alloc>[\d.]+) B/req)?(?:\s+cpu\s+(?<cpu>[\d,.]+) req/s)?")]
    private static partial Regex PlatformReport();

    [GeneratedRegex(@"^split\s+(?<stage>.+?)\s+p50\s+(?<p50>[\d.]+) us\s+mean\s+(?<mean>[\d.]+) us")]
    private static partial Regex PlatformSplit();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotKeyCharacters();
}
