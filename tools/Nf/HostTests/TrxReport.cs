// Reads a Visual Studio test results file (.trx), the one `dotnet test --logger trx` writes per test assembly.
using System.Xml.Linq;
using Nf.Results;

namespace Nf.HostTests;

/// <summary>The results of one test assembly.</summary>
/// <param name="AssemblyPath">The test assembly the results came from (the trx "storage").</param>
public sealed record TrxReport(string AssemblyPath, IReadOnlyList<TestCaseResult> Cases, TimeSpan Duration)
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>The assembly's name, which is the project's name for our test projects.</summary>
    public string AssemblyName => Path.GetFileNameWithoutExtension(AssemblyPath);

    public static TrxReport Read(string path) => Parse(XDocument.Load(path), path);

    public static TrxReport Parse(XDocument document, string origin = "trx")
    {
        XElement root = document.Root ?? throw new InvalidDataException($"{origin}: empty");
        if (root.Name != Ns + "TestRun")
            throw new InvalidDataException($"{origin}: not a trx file (root is {root.Name.LocalName})");

        string storage = root.Element(Ns + "TestDefinitions")?.Elements(Ns + "UnitTest")
            .Select(t => (string?)t.Attribute("storage"))
            .FirstOrDefault(s => !string.IsNullOrEmpty(s)) ?? "";

        var cases = new List<TestCaseResult>();
        foreach (XElement result in root.Element(Ns + "Results")?.Elements(Ns + "UnitTestResult") ?? [])
        {
            string name = (string?)result.Attribute("testName") ?? "(unnamed)";
            TestOutcome outcome = ((string?)result.Attribute("outcome")) switch
            {
                "Passed" => TestOutcome.Passed,
                "NotExecuted" or "Inconclusive" or "Pending" or "Warning" => TestOutcome.Skipped,
                // Failed, Error, Timeout, Aborted and anything unknown: not a pass.
                _ => TestOutcome.Failed,
            };
            XElement? output = result.Element(Ns + "Output");
            string detail = outcome == TestOutcome.Passed
                ? ""
                : FirstLine((string?)output?.Element(Ns + "ErrorInfo")?.Element(Ns + "Message"))
                  ?? FirstLine((string?)output?.Element(Ns + "StdOut"))
                  ?? (outcome == TestOutcome.Failed ? $"outcome {(string?)result.Attribute("outcome")}" : "");
            cases.Add(new TestCaseResult(name, outcome, detail));
        }
        XElement? times = root.Element(Ns + "Times");
        TimeSpan duration = DateTimeOffset.TryParse((string?)times?.Attribute("start"), out DateTimeOffset start)
                            && DateTimeOffset.TryParse((string?)times?.Attribute("finish"), out DateTimeOffset finish) && finish > start
            ? finish - start
            : TimeSpan.Zero;
        return new TrxReport(storage, cases, duration);
    }

    private static string? FirstLine(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        string trimmed = text.Trim();
        int newline = trimmed.IndexOf('\n');
        return (newline < 0 ? trimmed : trimmed[..newline]).TrimEnd('\r');
    }
}
