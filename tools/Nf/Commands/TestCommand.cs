// `./nf test [FILTER]`: build the suites in one go, boot the on-target suites once per (virtio mode × board
// variant × platform profile), run the host test projects alongside, and end with "N passed, N failed".
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
    /// <summary>What one run works on: the projects it builds, then what the build left.</summary>
    private sealed class TestRun
    {
        public required IReadOnlyList<string> Suites { get; init; }
        public required IReadOnlyList<string> Hosts { get; init; }
        public List<string> Built { get; } = [];
        public List<(string Project, ImageManifest Manifest)> Images { get; } = [];
        public List<string> RunnableHosts { get; } = [];
        /// <summary>Projects that could not be built or read, and build errors no project claims.</summary>
        public List<SuiteResult> Broken { get; } = [];
    }

    /// <param name="output">Where the results go (the terminal's stdout unless a test captures them).</param>
    public static async Task<int> RunAsync(RepoLayout layout, IReadOnlyList<string> arguments, CancellationToken cancel, TextWriter? output = null)
    {
        TextWriter console = output ?? Console.Out;
        TestOptions? options = TestOptions.Parse(arguments, out string? error);
        if (options is null)
        {
            Progress.Say(error!);
            return 2;
        }
        var clock = Stopwatch.StartNew();

        TestRun run = Select(layout, options.FilterText);
        await BuildAsync(layout, run, options.Build, cancel);
        // Suite names, profile names and board variant names decide whether the FILTER names suites or single tests.
        IEnumerable<string> names = run.Suites.Concat(run.Hosts).Select(RepoLayout.ProjectName)
            .Concat(run.Images.SelectMany(i => i.Manifest.PlatformProfiles.Select(p => p.Name)))
            .Concat(run.Images.SelectMany(i => i.Manifest.BoardVariants.Where(b => b != BoardVariant.Kernel).Select(b => b.Name())));
        var filter = new TestFilter(options.FilterText, names);

        if (options.List)
            return await ListAsync(layout, run, filter, console, cancel);
        List<SuiteResult> results = await RunSuitesAsync(layout, run, filter, options.Output, cancel);
        return Summarize(results, filter, console, clock);
    }

    /// <summary>
    /// Every suite and host project; a FILTER that is part of some of their names keeps only those (they run
    /// whole, so nothing else needs building).
    /// </summary>
    private static TestRun Select(RepoLayout layout, string? filterText)
    {
        IReadOnlyList<string> suites = layout.OnTargetSuiteProjects();
        IReadOnlyList<string> hosts = layout.HostTestProjects();
        var byProjectName = new TestFilter(filterText, suites.Concat(hosts).Select(RepoLayout.ProjectName));
        if (byProjectName.NamesSuites)
        {
            suites = suites.Where(p => byProjectName.SelectsSuite(RepoLayout.ProjectName(p))).ToList();
            hosts = hosts.Where(p => byProjectName.SelectsSuite(RepoLayout.ProjectName(p))).ToList();
        }
        return new TestRun { Suites = suites, Hosts = hosts };
    }

    /// <summary>
    /// Builds the suites and host projects in one `dotnet build`, with the SCMI platform daemon when a suite's
    /// manifest asks for an SCMI device (last build's manifests first; a suite that gained one gets the daemon
    /// built after), then reads the manifests.
    /// </summary>
    private static async Task BuildAsync(RepoLayout layout, TestRun run, bool build, CancellationToken cancel)
    {
        IReadOnlyList<string> projects = ProjectsToBuild(layout, run.Suites, run.Hosts);
        bool daemonInBuild = projects.Contains(layout.DaemonProject);
        run.Built.AddRange(projects);

        BuildOutcome outcome = new(true, new Dictionary<string, IReadOnlyList<string>>(), [], TimeSpan.Zero);
        if (build)
        {
            Progress.Say($"building {run.Suites.Count} on-target suite(s) and {run.Hosts.Count} host test project(s)...");
            outcome = await ImageBuild.BuildAsync(layout, "test", projects, cancel,
                line => Progress.Say("  " + line.Replace(layout.Root + Path.DirectorySeparatorChar, "")));
            Progress.Say($"built in {outcome.Elapsed.TotalSeconds:0.0} s" + (outcome.Succeeded ? "" : " with errors"));
        }
        CollectBuilt(run, outcome);

        if (build && !daemonInBuild && File.Exists(layout.DaemonProject) && NeedsDaemon(run.Images.Select(i => i.Manifest)))
        {
            Progress.Say("building the SCMI platform...");
            BuildOutcome daemon = await ImageBuild.BuildAsync(layout, "platform", [layout.DaemonProject], cancel);
            run.Built.Add(layout.DaemonProject);
            if (!daemon.Succeeded)
                run.Broken.Add(SuiteResult.Broken("build", SuiteKind.Host, "the SCMI platform: " + (daemon.Errors.FirstOrDefault() ?? "dotnet build failed")));
        }
    }

    /// <summary>
    /// The suites and host projects, plus the SCMI platform daemon when the manifest a suite's last build left
    /// asks for a device backed by it (the manifest is the authority on devices, not the project's text).
    /// </summary>
    public static IReadOnlyList<string> ProjectsToBuild(RepoLayout layout, IReadOnlyList<string> suites, IReadOnlyList<string> hosts)
    {
        var projects = new List<string>(suites);
        projects.AddRange(hosts);
        if (File.Exists(layout.DaemonProject) && NeedsDaemon(ReadManifests(suites).Select(i => i.Manifest)))
            projects.Add(layout.DaemonProject);
        return projects;
    }

    private static bool NeedsDaemon(IEnumerable<ImageManifest> manifests) =>
        manifests.Any(m => m.Devices.Any(DeviceKeys.NeedsPlatformDaemon));

    /// <summary>The manifests the suites' last builds left, skipping any that are missing or unreadable.</summary>
    private static IEnumerable<(string Project, ImageManifest Manifest)> ReadManifests(IEnumerable<string> suites)
    {
        foreach (string project in suites)
        {
            string? path = RepoLayout.FindManifest(project);
            ImageManifest? manifest = null;
            try
            {
                manifest = path is null ? null : ImageManifest.Read(path);
            }
            catch (InvalidDataException)
            {
                // Reported when the suite is collected after the build.
            }
            if (manifest is not null)
                yield return (project, manifest);
        }
    }

    /// <summary>Sorts what the build left into images to boot, host projects to run, and broken ones.</summary>
    private static void CollectBuilt(TestRun run, BuildOutcome build)
    {
        foreach (string project in run.Suites)
        {
            string name = RepoLayout.ProjectName(project);
            if (build.ErrorsByProject.TryGetValue(project, out IReadOnlyList<string>? errors))
            {
                run.Broken.Add(SuiteResult.Broken(name, SuiteKind.OnTarget, "build failed: " + errors[0]));
                continue;
            }
            string? manifestPath = RepoLayout.FindManifest(project);
            if (manifestPath is null)
            {
                run.Broken.Add(SuiteResult.Broken(name, SuiteKind.OnTarget, $"build left no {ImageManifest.FileName}"
                    + (build.Succeeded ? " (does the project import boards/qemu-virt/Board.targets?)" : "")));
                continue;
            }
            try
            {
                run.Images.Add((project, ImageManifest.Read(manifestPath)));
            }
            catch (InvalidDataException e)
            {
                run.Broken.Add(SuiteResult.Broken(name, SuiteKind.OnTarget, e.Message));
            }
        }
        foreach (string project in run.Hosts)
        {
            if (build.ErrorsByProject.TryGetValue(project, out IReadOnlyList<string>? errors))
                run.Broken.Add(SuiteResult.Broken(RepoLayout.ProjectName(project), SuiteKind.Host, "build failed: " + errors[0]));
            else
                run.RunnableHosts.Add(project);
        }
        // Errors in shared projects (the corelib, the board, a library) break everything that uses them.
        var unclaimed = build.ErrorsByProject.Where(e => !run.Built.Contains(e.Key)).ToList();
        if (!build.Succeeded && (unclaimed.Count > 0 || build.ErrorsByProject.Count == 0))
        {
            string first = unclaimed.Count > 0 ? $"{Path.GetFileName(unclaimed[0].Key)}: {unclaimed[0].Value[0]}" : build.Errors.FirstOrDefault() ?? "dotnet build failed";
            run.Broken.Add(SuiteResult.Broken("build", SuiteKind.Host, first));
        }
    }

    /// <summary>Starts the host projects, boots every selected image variant meanwhile, and collects both.</summary>
    private static async Task<List<SuiteResult>> RunSuitesAsync(RepoLayout layout, TestRun run, TestFilter filter, bool output, CancellationToken cancel)
    {
        var results = new List<SuiteResult>(run.Broken);
        // Host tests share the machine with QEMU: started first, they overlap their start-up cost with the boots.
        if (run.RunnableHosts.Count > 0)
            Progress.Say($"running {run.RunnableHosts.Count} host test project(s) alongside...");
        Task<IReadOnlyList<SuiteResult>> hostRun = HostTestRun.RunAsync(layout, run.RunnableHosts, filter, cancel, Report);
        try
        {
            var boot = new ImageBoot(LaunchProfile.Load(layout.Root), layout);
            foreach ((string project, ImageManifest manifest) in run.Images)
                results.AddRange(await BootAsync(boot, project, manifest, filter, output, cancel));
        }
        catch (OperationCanceledException)
        {
            // Stopped: the host runs stop too (their children are killed and waited for) before the runner ends.
            try
            {
                await hostRun;
            }
            catch (OperationCanceledException)
            {
            }
            throw;
        }
        if (run.RunnableHosts.Count > 0)
            Progress.Say("waiting for host tests...");
        results.AddRange(await hostRun);
        return results;
    }

    /// <summary>Boots one image in each of its variants the filter selects; failures show as they happen.</summary>
    private static async Task<List<SuiteResult>> BootAsync(ImageBoot boot, string project, ImageManifest manifest, TestFilter filter, bool output,
        CancellationToken cancel)
    {
        var results = new List<SuiteResult>();
        IReadOnlyList<string>? catalog = TestCatalog.ForImage(manifest, RepoLayout.ProjectName(project));
        foreach (BootVariant variant in BootVariant.For(manifest))
        {
            bool wholeSuite = filter.SelectsBoot(manifest.Name, variant.Profile?.Name, BoardName(variant));
            // A boot none of whose tests is selected is not booted at all.
            if (!wholeSuite && catalog is not null && !catalog.Any(filter.SelectsTest))
                continue;
            Progress.Say($"booting {variant.DisplayName(manifest)}...");
            SuiteResult result = await boot.RunAsync(manifest, variant, ConsoleEcho(filter, wholeSuite, output), cancel: cancel);
            SuiteResult? kept = wholeSuite ? result : filter.Apply(result, catalog);
            if (kept is null)
                continue;
            Report(kept);
            results.Add(kept);
        }
        return results;
    }

    /// <summary>
    /// The console lines worth showing live: failed tests (within the filter), and with <c>--output</c> every line
    /// that is not a result (what tests print: figures, tables). The rest stays quiet until the summary. Tests that
    /// provoke a panic on purpose recover from it, so a PANIC line is shown only when the failure right after it is the panic's.
    /// </summary>
    private static Action<string> ConsoleEcho(TestFilter filter, bool wholeSuite, bool output)
    {
        string? lastPanic = null;
        return line =>
        {
            if (line.StartsWith(SerialLog.PanicPrefix, StringComparison.Ordinal))
            {
                lastPanic = line.TrimEnd();
                return;
            }
            if (!line.StartsWith("Test ", StringComparison.Ordinal))
            {
                if (output && line.Trim().Length > 0)
                    Progress.Say("  | " + line.TrimEnd());
                return;
            }
            if (line.StartsWith("Test failed,", StringComparison.Ordinal) && (wholeSuite || filter.SelectsTest(line)))
            {
                if (lastPanic is not null && line.Contains("," + SerialLog.PanicPrefix, StringComparison.Ordinal))
                    Progress.Say("  " + lastPanic);
                Progress.Say("  " + line.TrimEnd());
            }
            lastPanic = null;
        };
    }

    /// <summary>Prints the table and the total line (always the last line); the exit code.</summary>
    private static int Summarize(List<SuiteResult> results, TestFilter filter, TextWriter console, Stopwatch clock)
    {
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

    // The kernel variant has no name of its own in rows, so it is not selected by name either.
    private static string? BoardName(BootVariant variant) => variant.Board == BoardVariant.Kernel ? null : variant.Board.Name();

    private static void Report(SuiteResult suite) =>
        Progress.Say($"{suite.Name}: {suite.Passed} passed, {suite.Failed} failed" + (suite.Skipped > 0 ? $", {suite.Skipped} skipped" : "")
                     + $" ({suite.Duration.TotalSeconds:0.0} s)");

    private static async Task<int> ListAsync(RepoLayout layout, TestRun run, TestFilter filter, TextWriter console, CancellationToken cancel)
    {
        foreach ((string project, ImageManifest manifest) in run.Images)
        {
            IReadOnlyList<string>? catalog = TestCatalog.ForImage(manifest, RepoLayout.ProjectName(project));
            IReadOnlyList<string> names = manifest.ExpectsDeath || manifest.Kind == ImageKind.App ? [] : catalog ?? [];
            foreach (BootVariant variant in BootVariant.For(manifest))
                Print(console, variant.DisplayName(manifest), "on-target", names, filter.SelectsBoot(manifest.Name, variant.Profile?.Name, BoardName(variant)), filter);
        }
        CommandResult[] listings = await Task.WhenAll(run.RunnableHosts.Select(project => DotnetCommand.RunAsync(layout.Root,
            ["test", project, "--no-build", "-c", RepoLayout.Configuration, "--list-tests", "--nologo"], cancel: cancel)));
        foreach ((string project, CommandResult listed) in run.RunnableHosts.Zip(listings))
        {
            IReadOnlyList<string> names = listed.Output.Split('\n')
                .SkipWhile(l => !l.Contains("The following Tests are available:", StringComparison.Ordinal))
                .Skip(1)
                .Select(l => l.Trim())
                .Where(l => l.Length > 0)
                .ToList();
            string name = RepoLayout.ProjectName(project);
            Print(console, name, "host", names, filter.SelectsSuite(name), filter);
        }
        foreach (SuiteResult suite in run.Broken)
            console.WriteLine($"{suite.Name} (broken: {suite.Problems[0]})");
        return run.Broken.Count == 0 ? 0 : 1;
    }

    private static void Print(TextWriter console, string suite, string where, IReadOnlyList<string> names, bool whole, TestFilter filter)
    {
        List<string> shown = whole ? names.ToList() : names.Where(filter.SelectsTest).ToList();
        if (!whole && shown.Count == 0)
            return;
        console.WriteLine($"{suite} ({where}, {names.Count} test(s))");
        foreach (string name in shown)
            console.WriteLine("  " + name);
    }
}
