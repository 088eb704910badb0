// Runs the host test projects (xunit) with `dotnet test` and turns their trx files into suite results.
using Nf.Building;
using Nf.Repository;
using Nf.Results;

namespace Nf.HostTests;

public static class HostTestRun
{
    /// <summary>How long one host test may run before VSTest stops it.</summary>
    public const string HangTimeout = "10min";

    /// <summary>
    /// Runs <paramref name="projects"/> (already built): projects the filter selects run whole; when the
    /// filter names no suite, the others run only their tests whose full name contains it.
    /// </summary>
    /// <param name="onFinished">Called as each project's results come in (from a pool thread).</param>
    public static async Task<IReadOnlyList<SuiteResult>> RunAsync(RepoLayout layout, IReadOnlyList<string> projects, TestFilter filter,
        CancellationToken cancel = default, Action<SuiteResult>? onFinished = null)
    {
        List<string> whole = projects.Where(p => filter.SelectsSuite(RepoLayout.ProjectName(p))).ToList();
        // A filter that names suites runs those alone; only one that names none looks inside the others.
        List<string> filtered = filter.NamesSuites ? [] : projects.Except(whole).ToList();
        var groups = new List<Task<IReadOnlyList<SuiteResult>>>();
        if (whole.Count > 0)
            groups.Add(RunGroupAsync(layout, whole, null, cancel, onFinished));
        if (filtered.Count > 0)
            groups.Add(RunGroupAsync(layout, filtered, filter.Text, cancel, onFinished));
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

    // One `dotnet test` per project, all at once: each gets its own results folder, so trx files cannot
    // collide (their default names only hold the time to the second), and a crashed test host is
    // pinned on its own project.
    private static async Task<IReadOnlyList<SuiteResult>> RunGroupAsync(RepoLayout layout, IReadOnlyList<string> projects,
        string? filterText, CancellationToken cancel, Action<SuiteResult>? onFinished)
    {
        SuiteResult?[] results = await Task.WhenAll(projects.Select(async p =>
        {
            SuiteResult? result = await RunProjectAsync(layout, p, filterText, cancel);
            if (result is not null)
                onFinished?.Invoke(result);
            return result;
        }));
        return results.Where(r => r is not null).Select(r => r!).ToList();
    }

    private static async Task<SuiteResult?> RunProjectAsync(RepoLayout layout, string project, string? filterText, CancellationToken cancel)
    {
        string projectName = RepoLayout.ProjectName(project);
        int? prepared = await PrepareStep.RunAsync(project, line => Progress.Say($"{projectName}: {line}"), cancel);
        if (prepared is int code && code != 0)
            Progress.Say($"{projectName}: {PrepareStep.FileName} exited with {code}; its tests report what is missing");
        string resultsDir = Directory.CreateTempSubdirectory("nf-trx-").FullName;
        try
        {
            var arguments = new List<string>
            {
                "test", project, "--no-build", "-c", RepoLayout.Configuration, "--nologo",
                "--logger", "trx", "--results-directory", resultsDir,
                // A test that hangs is stopped and reported (the run then reads as aborted) instead of
                // holding up the whole of ./nf test.
                "--blame-hang-timeout", HangTimeout,
            };
            if (filterText is not null)
                arguments.AddRange(["--filter", FilterExpression(filterText)]);
            CommandResult command = await DotnetCommand.RunAsync(layout.Root, arguments, cancel: cancel);

            List<TrxReport> reports = Directory.EnumerateFiles(resultsDir, "*.trx", SearchOption.AllDirectories)
                .Select(TrxReport.Read)
                .ToList();
            List<TestCaseResult> cases = reports.SelectMany(r => r.Cases).ToList();
            TimeSpan duration = command.Elapsed;
            if (cases.Count == 0)
            {
                // With a filter, a project without a matching test is simply not selected.
                if (filterText is not null && command.ExitCode == 0)
                    return null;
                if (filterText is not null && command.Output.Contains("No test matches the given testcase filter", StringComparison.Ordinal))
                    return null;
                return SuiteResult.Broken(projectName, SuiteKind.Host, $"no test results (dotnet test exited with {command.ExitCode}): " + Tail(command.Output), duration);
            }
            var problems = new List<string>();
            // A test host that dies mid-run (stack overflow, a crash in native code) still leaves a partial trx.
            if (command.Output.Contains("Test Run Aborted", StringComparison.Ordinal)
                || command.Output.Contains("The active test run was aborted", StringComparison.Ordinal))
            {
                problems.Add("the test host aborted: " + Tail(command.Output));
            }
            else if (command.ExitCode != 0 && !cases.Any(c => c.Outcome == TestOutcome.Failed))
            {
                problems.Add($"dotnet test exited with {command.ExitCode} although no test failed: " + Tail(command.Output));
            }
            return new SuiteResult(projectName, SuiteKind.Host, cases, problems, duration);
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
