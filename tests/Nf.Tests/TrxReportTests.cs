// Host test results as `dotnet test --logger trx` writes them.
using System.Xml.Linq;
using Nf.HostTests;
using Nf.Results;
using Xunit;

namespace Nf.Tests;

public class TrxReportTests
{
    private const string Sample = """
        <?xml version="1.0" encoding="utf-8"?>
        <TestRun id="1" name="run" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
          <Times creation="2026-11-21T14:00:00.0000000+00:00" start="2026-11-21T14:00:00.0000000+00:00" finish="2026-11-21T14:00:02.5000000+00:00" />
          <Results>
            <UnitTestResult testId="a" testName="Platform.Tests.QueueTests.Wraps" outcome="Passed" duration="00:00:00.01" />
            <UnitTestResult testId="b" testName="Platform.Tests.QueueTests.Refuses(size: 3)" outcome="Failed">
              <Output><ErrorInfo><Message>Assert.Equal() Failure: Values differ
        Expected: 1
        Actual:   2</Message><StackTrace>at X</StackTrace></ErrorInfo></Output>
            </UnitTestResult>
            <UnitTestResult testId="c" testName="Platform.Tests.QueueTests.Later" outcome="NotExecuted">
              <Output><StdOut>needs a Linux guest</StdOut></Output>
            </UnitTestResult>
            <UnitTestResult testId="d" testName="Platform.Tests.QueueTests.Hangs" outcome="Timeout" />
          </Results>
          <TestDefinitions>
            <UnitTest name="Wraps" storage="/repo/tests/Platform.Tests/bin/Debug/net10.0/platform.tests.dll" id="a" />
          </TestDefinitions>
        </TestRun>
        """;

    [Fact]
    public void Every_outcome_maps_and_failures_keep_their_first_message_line()
    {
        TrxReport report = TrxReport.Parse(XDocument.Parse(Sample));

        Assert.Equal(
            [
                new TestCaseResult("Platform.Tests.QueueTests.Wraps", TestOutcome.Passed),
                new TestCaseResult("Platform.Tests.QueueTests.Refuses(size: 3)", TestOutcome.Failed, "Assert.Equal() Failure: Values differ"),
                new TestCaseResult("Platform.Tests.QueueTests.Later", TestOutcome.Skipped, "needs a Linux guest"),
                new TestCaseResult("Platform.Tests.QueueTests.Hangs", TestOutcome.Failed, "outcome Timeout"),
            ],
            report.Cases);
        Assert.Equal(TimeSpan.FromSeconds(2.5), report.Duration);
    }

    [Fact]
    public void The_assembly_name_comes_from_the_test_storage()
    {
        Assert.Equal("platform.tests", TrxReport.Parse(XDocument.Parse(Sample)).AssemblyName);
    }

    [Fact]
    public void A_file_that_is_not_a_trx_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => TrxReport.Parse(XDocument.Parse("<TestRun/>")));
    }
}
