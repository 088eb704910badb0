// `./nf test [FILTER]`: build every suite in one go, boot the on-target suites in each of their modes,
// run the host test projects alongside, and end with "N passed, N failed".
using System.Diagnostics;
using Nf.Building;
using Nf.HostTests;
using Nf.Images;
using Nf.Qemu;
using Nf.Repository;
using Nf.Results;

namespace Nf.Commands;

public static class TestCommand
{
    /// <param name="output">Where the results go (the terminal's stdout unless a test captures them).</param>
    public static async Task<int> RunAsync(RepoLayout layout, IReadOnlyList<string> arguments, CancellationToken cancel, TextWriter? output = null)
    {
        TextWriter console = output ?? Console.Out;
        bool list = false, buildFirst = true;
        string? filterText = null;
        foreach (string argument in arguments)
        {
            if (argument == "--list")
                list = true;
            else if (argument == "--no-build")
                buildFirst = false;
            else if (argument.StartsWith('-'))
            {
                Progress.Say($"unknown option '{argument}' (usage: ./nf test [--list] [--no-build] [FILTER])");
                return 2;
            }
            else if (filterText is null)
                filterText = argument;
            else
            {
                Progress.Say("give at most one FILTER (a substring of suite or test names)");
                return 2;
            }
        }
        var clock = Stopwatch.StartNew();

        IReadOnlyList<string> suites = layout.OnTargetSuiteProjects();
        IReadOnlyList<string> hosts = layout.HostTestProjects();
        var filter = new TestFilter(filterText, suites.Concat(hosts).Select(RepoLayout.ProjectName));
        var projects = new List<string>(suites);
        projects.AddRange(hosts);
        // The SCMI platform daemon is built only when a suite asks for the scmi device.
        if (File.Exists(layout.DaemonProject) && suites.Any(p => File.ReadAllText(p).Contains("scmi", StringComparison.OrdinalIgnoreCase)))
            projects.Add(layout.DaemonProject);

        BuildOutcome build;
        if (buildFirst)
        {
            Progress.Say($"building {suites.Count} on-target suite(s) and {hosts.Count} host test project(s)...");
            build = await ImageBuild.BuildAsync(layout, "test", projects, cancel,
                line => Progress.Say("  " + line.Replace(layout.Root + Path.DirectorySeparatorChar, "")));
            Progress.Say($"built in {build.Elapsed.TotalSeconds:0.0} s" + (build.Succeeded ? "" : " with errors"));
        }
        else
            build = new BuildOutcome(true, new Dictionary<string, IReadOnlyList<string>>(), [], TimeSpan.Zero);

        var results = new List<SuiteResult>();
        var builtSuites = new List<(string Project, ImageManifest Manifest)>();
        foreach (string project in suites)
        {
            string name = RepoLayout.ProjectName(project);
            if (build.ErrorsByProject.TryGetValue(project, out IReadOnlyList<string>? errors))
            {
                results.Add(SuiteResult.Broken(name, SuiteKind.OnTarget, "build failed: " + errors[0]));
                continue;
            }
            string? manifestPath = RepoLayout.FindManifest(project);
            if (manifestPath is null)
            {
                results.Add(SuiteResult.Broken(name, SuiteKind.OnTarget, $"build left no {ImageManifest.FileName}"
                    + (build.Succeeded ? " (does the project import boards/qemu-virt/Board.targets?)" : "")));
                continue;
            }
            try
            {
                builtSuites.Add((project, ImageManifest.Read(manifestPath)));
            }
            catch (InvalidDataException e)
            {
                results.Add(SuiteResult.Broken(name, SuiteKind.OnTarget, e.Message));
            }
        }
        var brokenHosts = new HashSet<string>(StringComparer.Ordinal);
        foreach (string project in hosts)
        {
            if (build.ErrorsByProject.TryGetValue(project, out IReadOnlyList<string>? errors))
            {
                results.Add(SuiteResult.Broken(RepoLayout.ProjectName(project), SuiteKind.Host, "build failed: " + errors[0]));
                brokenHosts.Add(project);
            }
        }
        // Errors in shared projects (the corelib, the board, a library) break everything that uses them.
        var unclaimed = build.ErrorsByProject.Where(e => !projects.Contains(e.Key)).ToList();
        if (!build.Succeeded && (unclaimed.Count > 0 || build.ErrorsByProject.Count == 0))
        {
            string first = unclaimed.Count > 0 ? $"{Path.GetFileName(unclaimed[0].Key)}: {unclaimed[0].Value[0]}" : build.Errors.FirstOrDefault() ?? "dotnet build failed";
            results.Add(SuiteResult.Broken("build", SuiteKind.Host, first));
        }

        if (list)
            return await ListAsync(layout, builtSuites, hosts.Except(brokenHosts).ToList(), filter, results, console, cancel);

        // Host tests share the machine with QEMU: started first, they overlap their start-up cost with the boots.
        List<string> runnableHosts = hosts.Except(brokenHosts).ToList();
        if (runnableHosts.Count > 0)
            Progress.Say($"running {runnableHosts.Count} host test project(s) alongside...");
        Task<IReadOnlyList<SuiteResult>> hostRun = HostTestRun.RunAsync(layout, runnableHosts, filter, cancel, Report);

        var profile = LaunchProfile.Load(layout.Root);
        var boot = new ImageBoot(profile, layout);
        foreach ((string project, ImageManifest manifest) in builtSuites)
        {
            IReadOnlyList<string>? catalog = TestCatalog.ForImage(manifest, RepoLayout.ProjectName(project));
            if (!filter.SelectsSuite(manifest.Name) && catalog is not null && !catalog.Any(filter.SelectsTest))
                continue;
            foreach (VirtioMode mode in manifest.Modes)
            {
                string name = ImageBoot.DisplayName(manifest, mode);
                Progress.Say($"booting {name}...");
                // Failures show as they happen; the rest of the console stays quiet until the summary.
                // Tests that provoke a panic on purpose recover from it, so a PANIC line is shown only when
                // the failure right after it is the panic's.
                bool wholeSuite = filter.SelectsSuite(manifest.Name);
                string? lastPanic = null;
                SuiteResult result = await boot.RunAsync(manifest, mode, line =>
                {
                    if (line.StartsWith(SerialLog.PanicPrefix, StringComparison.Ordinal))
                    {
                        lastPanic = line.TrimEnd();
                        return;
                    }
                    if (!line.StartsWith("Test ", StringComparison.Ordinal))
                        return;
                    if (line.StartsWith("Test failed,", StringComparison.Ordinal) && (wholeSuite || filter.SelectsTest(line)))
                    {
                        if (lastPanic is not null && line.Contains("," + SerialLog.PanicPrefix, StringComparison.Ordinal))
                            Progress.Say("  " + lastPanic);
                        Progress.Say("  " + line.TrimEnd());
                    }
                    lastPanic = null;
                }, cancel: cancel);
                SuiteResult? kept = filter.Apply(result, catalog);
                if (kept is null)
                    continue;
                Report(kept);
                results.Add(kept);
            }
        }

        if (hosts.Count > brokenHosts.Count)
            Progress.Say("waiting for host tests...");
        results.AddRange(await hostRun);

        if (!filter.IsAll && results.Count == 0)
        {
            console.WriteLine($"no suite or test matches '{filter.Text}'");
            console.WriteLine(SummaryReport.TotalLine(results));
            return 1;
        }
        // Build problems first, then on-target suites, then host projects, each by name.
        results = results.OrderBy(r => r.Name == "build" ? 0 : r.Kind == SuiteKind.OnTarget ? 1 : 2)
            .ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        // The time goes first: the plain total line must be the last thing printed (CI reads it).
        Progress.Say($"finished in {clock.Elapsed.TotalSeconds:0.0} s");
        console.WriteLine();
        console.WriteLine(SummaryReport.Render(results));
        return results.All(r => r.Ok) ? 0 : 1;
    }

    private static void Report(SuiteResult suite) =>
        Progress.Say($"{suite.Name}: {suite.Passed} passed, {suite.Failed} failed" + (suite.Skipped > 0 ? $", {suite.Skipped} skipped" : "")
                     + $" ({suite.Duration.TotalSeconds:0.0} s)");

    private static async Task<int> ListAsync(RepoLayout layout, IReadOnlyList<(string Project, ImageManifest Manifest)> suites,
        IReadOnlyList<string> hosts, TestFilter filter, List<SuiteResult> broken, TextWriter console, CancellationToken cancel)
    {
        foreach ((string project, ImageManifest manifest) in suites)
        {
            IReadOnlyList<string>? catalog = TestCatalog.ForImage(manifest, RepoLayout.ProjectName(project));
            IReadOnlyList<string> names = manifest.ExpectsDeath || manifest.Kind == ImageKind.App ? [] : catalog ?? [];
            foreach (VirtioMode mode in manifest.Modes)
                Print(console, ImageBoot.DisplayName(manifest, mode), "on-target", names, filter);
        }
        CommandResult[] listings = await Task.WhenAll(hosts.Select(project => DotnetCommand.RunAsync(layout.Root,
            ["test", project, "--no-build", "-c", RepoLayout.Configuration, "--list-tests", "--nologo"], cancel: cancel)));
        foreach ((string project, CommandResult listed) in hosts.Zip(listings))
        {
            IReadOnlyList<string> names = listed.Output.Split('\n')
                .SkipWhile(l => !l.Contains("The following Tests are available:", StringComparison.Ordinal))
                .Skip(1)
                .Select(l => l.Trim())
                .Where(l => l.Length > 0)
                .ToList();
            Print(console, RepoLayout.ProjectName(project), "host", names, filter);
        }
        foreach (SuiteResult suite in broken)
            console.WriteLine($"{suite.Name} (broken: {suite.Problems[0]})");
        return broken.Count == 0 ? 0 : 1;
    }

    private static void Print(TextWriter console, string suite, string where, IReadOnlyList<string> names, TestFilter filter)
    {
        bool whole = filter.SelectsSuite(suite);
        List<string> shown = whole ? names.ToList() : names.Where(filter.SelectsTest).ToList();
        if (!whole && shown.Count == 0)
            return;
        console.WriteLine($"{suite} ({where}, {names.Count} test(s))");
        foreach (string name in shown)
            console.WriteLine("  " + name);
    }
}
