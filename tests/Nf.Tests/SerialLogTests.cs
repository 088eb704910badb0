// The serial result format (docs/conventions.md §2) as the runner reads it, including what a
// dying or misbehaving image can print.
using Nf.Results;
using Xunit;

namespace Nf.Tests;

public class SerialLogTests
{
    [Fact]
    public void A_complete_run_yields_every_result_and_the_summary()
    {
        SerialLog log = SerialLog.Parse([
            "booting...",
            "Test suite,CoreLib.Tests",
            "Test passed,StringTests.Length,120",
            "Test failed,MathTests.Add,Expected 3, got 4 (sum)",
            "Test skipped,MathTests.Slow,not on this board",
            "Test summary,1,1,1",
        ]);

        Assert.Equal("CoreLib.Tests", log.SuiteName);
        Assert.Equal(
            [
                new TestCaseResult("StringTests.Length", TestOutcome.Passed, "", 120),
                new TestCaseResult("MathTests.Add", TestOutcome.Failed, "Expected 3, got 4 (sum)"),
                new TestCaseResult("MathTests.Slow", TestOutcome.Skipped, "not on this board"),
            ],
            log.Cases);
        Assert.Equal(new TestSummary(1, 1, 1), log.Summary);
        Assert.True(log.Complete);
    }

    [Fact]
    public void Data_row_names_keep_their_commas_and_quoted_parentheses()
    {
        SerialLog log = SerialLog.Parse([
            "Test passed,MathTests.Add(1, 2, 3),77",
            "Test failed,TextTests.Split(\"a,b)\", ','),Expected 2, got 1",
            "Test skipped,TextTests.Quote(\"say \\\"hi\\\"\"),later",
        ]);

        Assert.Equal(3, log.Cases.Count);
        Assert.Equal(new TestCaseResult("MathTests.Add(1, 2, 3)", TestOutcome.Passed, "", 77), log.Cases[0]);
        Assert.Equal(new TestCaseResult("TextTests.Split(\"a,b)\", ',')", TestOutcome.Failed, "Expected 2, got 1"), log.Cases[1]);
        Assert.Equal("TextTests.Quote(\"say \\\"hi\\\"\")", log.Cases[2].Name);
    }

    [Fact]
    public void Carriage_returns_and_control_bytes_are_stripped()
    {
        SerialLog log = SerialLog.Parse(["Test passed,A.B,5\r", "\u001b[0mTest summary,1,0,0\r\n"]);

        Assert.Equal(new TestCaseResult("A.B", TestOutcome.Passed, "", 5), Assert.Single(log.Cases));
        // The escape byte goes, the printable rest of the sequence stays, so the line is output, not a summary.
        Assert.Null(log.Summary);
    }

    [Theory]
    [InlineData("Test passed")]
    [InlineData("Test passed,")]
    [InlineData("Test passed,A.B")]
    [InlineData("Test passed,A.B,")]
    [InlineData("Test passed,A.B,12x")]
    [InlineData("Test passed,A.B,-5")]
    [InlineData("Test passed,A.B(1, 2,3")]
    [InlineData("Test passed,A.B),3")]
    [InlineData("Test failed,")]
    [InlineData("Test failed,,message")]
    [InlineData("Test pas")]
    [InlineData("test passed,A.B,1")]
    [InlineData("Xtest passed,A.B,1")]
    public void Garbage_and_truncated_result_lines_are_output_not_results(string line)
    {
        SerialLog log = SerialLog.Parse([line]);

        Assert.Empty(log.Cases);
        Assert.Equal([line], log.Lines);
    }

    [Theory]
    [InlineData("Test summary,1,2")]
    [InlineData("Test summary,1,2,3,4")]
    [InlineData("Test summary,a,0,0")]
    [InlineData("Test summary,-1,0,0")]
    [InlineData("Test summ")]
    public void A_malformed_summary_is_no_summary(string line)
    {
        Assert.Null(SerialLog.Parse([line]).Summary);
    }

    [Fact]
    public void Output_cut_off_before_the_summary_is_incomplete()
    {
        SerialLog log = SerialLog.Parse(["Test suite,S", "Test passed,A.B,1", "Test passed,A.C"]);

        Assert.False(log.Complete);
        Assert.Single(log.Cases);
    }

    [Fact]
    public void Result_lines_after_the_summary_are_not_counted()
    {
        SerialLog log = SerialLog.Parse(["Test passed,A.B,1", "Test summary,1,0,0", "Test failed,A.C,late"]);

        Assert.Single(log.Cases);
        Assert.Equal(new TestSummary(1, 0, 0), log.Summary);
    }

    [Fact]
    public void A_panic_keeps_its_first_line_and_a_few_details()
    {
        SerialLog log = SerialLog.Parse([
            "Test passed,A.B,1",
            "PANIC: synchronous abort",
            "  fault: data abort (translation, level 0)",
            "  address: 0x0000000000000008",
            "  ESR: 0x96000004",
            "  ELR: 0x40101234",
            "  more",
            "  even more",
            "PANIC: second report is ignored",
        ]);

        Assert.Equal("PANIC: synchronous abort", log.Panic[0]);
        Assert.Equal(5, log.Panic.Count);
        Assert.Contains("  ESR: 0x96000004", log.Panic);
    }

    [Fact]
    public void The_first_suite_line_names_the_suite()
    {
        SerialLog log = SerialLog.Parse(["Test suite,", "Test suite,First", "Test suite,Second"]);

        Assert.Equal("First", log.SuiteName);
    }

    [Fact]
    public void A_fault_inside_a_test_takes_the_boards_panic_report_as_its_message()
    {
        SerialLog log = SerialLog.Parse([
            "Test passed,A.First,1",
            "PANIC: synchronous exception",
            "  ESR: 0x0000000096000004",
            "  FAR: 0x0000000000000008",
            "Test failed,A.Faults,PANIC: fault inside the test (report above)",
            "Test failed,A.Asserts,PANIC: the test's own text",
            "Test summary,1,2,0",
        ]);

        Assert.Equal("PANIC: synchronous exception | ESR: 0x0000000096000004 | FAR: 0x0000000000000008", log.Cases[1].Detail);
        // The report belongs to the line right after it only.
        Assert.Equal("PANIC: the test's own text", log.Cases[2].Detail);
    }

    [Fact]
    public void A_fault_line_that_names_its_reason_still_gets_the_reports_detail_lines()
    {
        SerialLog log = SerialLog.Parse([
            "Test passed,A.First,1",
            "PANIC: null reference",
            "  fault: data abort (EC 0x25)",
            "  FAR: 0x0000000000000008",
            "Test failed,A.Faults,PANIC: null reference",
            "Test failed,A.Asserts,Expected 1, got 0",
            "Test summary,1,2,0",
        ]);

        Assert.Equal("PANIC: null reference | fault: data abort (EC 0x25) | FAR: 0x0000000000000008", log.Cases[1].Detail);
        // An assertion's message right after a report is its own, not the report's.
        Assert.Equal("Expected 1, got 0", log.Cases[2].Detail);
    }
}
