// The counts an on-target suite prints in its last line: "Test summary,<passed>,<failed>,<skipped>".
namespace Nf.Results;

public readonly record struct TestSummary(int Passed, int Failed, int Skipped);
