// One test case's result, from a serial line or a host test's trx entry.
namespace Nf.Results;

/// <param name="Name">Class.Method, or Class.Method(args) for a data row.</param>
/// <param name="Detail">The failure or skip message; for a pass, empty.</param>
/// <param name="Ticks">Timer ticks the on-target runner measured, when it reported them.</param>
public sealed record TestCaseResult(string Name, TestOutcome Outcome, string Detail = "", long? Ticks = null);
