// The code style is enforced by the build: a probe project under the repository root (so the root
// .editorconfig and Directory.Build.props apply to it) builds when its one file follows docs/conventions.md §5
// and fails with the rule's id when it breaks one rule.
using System.Diagnostics;
using System.Xml.Linq;
using Nf.Qemu;
using Xunit;

namespace Nf.Tests;

public class CodeStyleTests
{
    private static readonly string Root = LaunchProfile.FindRepoRoot();
    private static readonly TimeSpan BuildLimit = TimeSpan.FromMinutes(5);

    private const string Conforming = """
        // A file that follows every rule.
        namespace Probe;

        public sealed class Counter
        {
            private const int Limit = 10;
            private static readonly int[] Steps = [1, 2];
            private static int s_instances;
            private int _count;

            public Counter() => s_instances++;

            public int Next(int step)
            {
                if (step < 0) return _count;
                if (step > Limit)
                    return _count;
                if (step == Steps[0]
                    || step == Steps[1])
                {
                    _count += step;
                }
                return _count;
            }
        }
        """;

    [Fact]
    public void The_build_settings_that_enforce_the_style_stay_on()
    {
        XElement props = XElement.Load(Path.Combine(Root, "Directory.Build.props"));
        string? Property(string name) => props.Descendants(name).SingleOrDefault()?.Value;
        string editorConfig = File.ReadAllText(Path.Combine(Root, ".editorconfig"));

        Assert.Equal("true", Property("TreatWarningsAsErrors"));
        Assert.Equal("true", Property("EnforceCodeStyleInBuild"));
        Assert.Contains("root = true", editorConfig);
        foreach (string id in new[] { "IDE0161", "IDE0011", "IDE0055", "IDE1006" })
        {
            Assert.Contains($"dotnet_diagnostic.{id}.severity = warning", editorConfig);
        }
    }

    [Fact]
    public void A_file_that_follows_the_rules_builds()
    {
        (int exitCode, string output) = BuildProbe(Conforming);

        Assert.True(exitCode == 0, output);
    }

    [Theory]
    [InlineData("IDE0161", "namespace Probe;\n", "namespace Probe\n{\n}\n")]
    [InlineData("IDE1006", "    private int _count;", "    private int count;")]
    [InlineData("IDE1006", "    private static int s_instances;", "    private static int instances;")]
    [InlineData("IDE1006", "    private const int Limit = 10;", "    private const int limit = 10;")]
    [InlineData("IDE0011", "        {\n            _count += step;\n        }\n", "            _count += step;\n")]
    [InlineData("IDE0055", "    public Counter() => s_instances++;", "    public Counter()=>s_instances++;")]
    public void A_file_that_breaks_one_rule_fails_the_build(string rule, string conforming, string violating)
    {
        string source = Conforming.Replace("\r\n", "\n");
        Assert.Contains(conforming, source);
        if (rule == "IDE0161")
        {
            // The block namespace wraps the whole file.
            source = source.Replace(conforming, "namespace Probe\n{\n") + "}\n";
        }
        else
        {
            source = source.Replace(conforming, violating);
        }

        (int exitCode, string output) = BuildProbe(source);

        Assert.True(exitCode != 0, $"the build passed:\n{output}");
        Assert.Contains($"error {rule}", output);
    }

    /// <summary>Builds a one-file class library in a fresh folder under .nf/ (ignored by git).</summary>
    private static (int ExitCode, string Output) BuildProbe(string source)
    {
        string folder = Path.Combine(Root, ".nf", "style-probe", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "Probe.csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                  </PropertyGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(folder, "Counter.cs"), source.Replace("\r\n", "\n") + (source.EndsWith('\n') ? "" : "\n"));
            var info = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = folder,
            };
            foreach (string argument in new[] { "build", "Probe.csproj", "-nologo", "-v", "q", "-clp:NoSummary", "-nodeReuse:false" })
            {
                info.ArgumentList.Add(argument);
            }
            using Process process = Process.Start(info)!;
            Task<string> error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(BuildLimit))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"the probe build did not end within {BuildLimit.TotalMinutes} min");
            }
            return (process.ExitCode, output + error.Result);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
