// The three results a test case can have, as the serial format and trx both name them.
namespace Nf.Results;

public enum TestOutcome
{
    Passed,
    Failed,
    Skipped,
}
