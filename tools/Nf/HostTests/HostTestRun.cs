// Runs the host test projects (xunit) with `dotnet test` and turns their trx files into suite results.
using Nf.Building;
using Nf.Repository;
using Nf.Results;

namespace Nf.HostTests;

public static class HostTestRun
{
    /// <summary>
    /// Runs <paramref name="projects"/> (already built) in one `dotnet test` per filter group: projects whose
    /// name the filter matches run whole, the others only their tests whose full name contains the filter.
    /// </summary>
    public static async Task<IReadOnlyList<SuiteResult>> RunAsync(RepoLayout layout, IReadOnlyList<string> projects, TestFilter filter,
        CancellationToken cancel = default)
    {
        List<string> whole = projects.Where(p => filter.Matches(RepoLayout.ProjectName(p))).ToList();
        List<string> filtered = projects.Except(whole).ToList();
        var groups = new List<Task<IReadOnlyList<SuiteResult>>>();
        if (whole.Count > 0)
            groups.Add(RunGroupAsync(layout, "host-tests", whole, null, cancel));
        if (filtered.Count > 0)
            groups.Add(RunGroupAsync(layout, "host-tests-filtered", filtered, filter.Text, cancel));
        var results = new List<SuiteResult>();
        foreach (var group in groups)
            results.AddRange(await group);
        return results.OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>`--filter` text for a substring of the fully qualified name, with the filter language's specials escaped.</summary>
    public static string FilterExpression(string text)
    {
        var escaped = new System.Text.StringBuilder();
        foreach (char c in text)
        {
            if (c is '\\' or '(' or ')' or '&' or '|' or '=' or '!' or '~')
                escaped.Append('\\');
            escaped.Append(c);
        }
        return "FullyQualifiedName~" + escaped;
    }

    private static async Task<IReadOnlyList<SuiteResult>> RunGroupAsync(RepoLayout layout, string name, IReadOnlyList<string> projects,
        string? filterText, CancellationToken cancel)
    {
        string solution = ProjectSet.Write(Path.Combine(layout.WorkDir, name + ".slnx"), projects);
        string resultsDir = Directory.CreateTempSubdirectory("nf-trx-").FullName;
        try
        {
            var arguments = new List<string>
            {
                "test", solution, "--no-build", "-c", RepoLayout.Configuration, "--nologo",
                "--logger", "trx", "--results-directory", resultsDir,
            };
            if (filterText is not null)
                arguments.AddRange(["--filter", FilterExpression(filterText)]);
            CommandResult command = await DotnetCommand.RunAsync(layout.Root, arguments, cancel: cancel);

            var reports = Directory.EnumerateFiles(resultsDir, "*.trx", SearchOption.AllDirectories)
                .Select(TrxReport.Read)
                .ToList();
            var results = new List<SuiteResult>();
            foreach (string project in projects)
            {
                string projectName = RepoLayout.ProjectName(project);
                List<TrxReport> mine = reports.Where(r => r.AssemblyName.Equals(projectName, StringComparison.Ordinal)).ToList();
                List<TestCaseResult> cases = mine.SelectMany(r => r.Cases).ToList();
                TimeSpan duration = mine.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Duration);
                if (cases.Count == 0)
                {
                    // With a filter, a project without a matching test is simply not selected.
                    if (filterText is null)
                        results.Add(SuiteResult.Broken(projectName, SuiteKind.Host, "no test results: " + Tail(command.Output), command.Elapsed));
                    continue;
                }
                var problems = new List<string>();
                // The host aborts mid-run (a crashed testhost, a stack overflow) and still writes a partial trx.
                if (command.Output.Contains("Test Run Aborted", StringComparison.Ordinal) && command.ExitCode != 0 && mine.Count > 0
                    && command.Output.Contains(projectName, StringComparison.Ordinal))
                    problems.Add("the test host aborted: " + Tail(command.Output));
                results.Add(new SuiteResult(projectName, SuiteKind.Host, cases, problems, duration));
            }
            return results;
        }
        finally
        {
            Directory.Delete(resultsDir, recursive: true);
        }
    }

    private static string Tail(string output)
    {
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var interesting = lines.Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase) || l.Contains("abort", StringComparison.OrdinalIgnoreCase)).ToList();
        return string.Join(" | ", (interesting.Count > 0 ? interesting : lines.ToList()).TakeLast(3));
    }
}
