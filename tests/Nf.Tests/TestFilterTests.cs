// FILTER selects suites by name, or single tests by name, case-insensitively.
using Nf.HostTests;
using Nf.Results;
using Xunit;

namespace Nf.Tests;

public class TestFilterTests
{
    private static readonly SuiteResult Suite = new("CoreLib.Tests", SuiteKind.OnTarget,
        [new("StringTests.Length", TestOutcome.Passed), new("MathTests.Add(1, 2)", TestOutcome.Failed, "x")], [], TimeSpan.Zero);

    [Fact]
    public void A_matching_suite_name_keeps_the_whole_suite()
    {
        Assert.Same(Suite, new TestFilter("corelib").Apply(Suite));
    }

    [Fact]
    public void A_matching_test_name_keeps_only_that_test()
    {
        SuiteResult kept = new TestFilter("mathtests.ADD").Apply(Suite)!;

        Assert.Equal("MathTests.Add(1, 2)", Assert.Single(kept.Cases).Name);
    }

    [Fact]
    public void Nothing_matching_drops_the_suite()
    {
        Assert.Null(new TestFilter("Virtio").Apply(Suite));
    }

    [Fact]
    public void A_filter_naming_a_suite_does_not_reach_into_other_suites_test_names()
    {
        var other = new SuiteResult("Runtime.Tests", SuiteKind.OnTarget,
            [new("MmioTests.The_virtio_rng_device_answers", TestOutcome.Passed)], [], TimeSpan.Zero);
        var filter = new TestFilter("virtio", ["Runtime.Tests", "Virtio.Entropy.Tests"]);

        Assert.True(filter.NamesSuites);
        Assert.True(filter.SelectsSuite("Virtio.Entropy.Tests [legacy]"));
        Assert.Null(filter.Apply(other));
    }

    [Fact]
    public void A_filter_naming_no_suite_still_selects_tests_by_name()
    {
        var other = new SuiteResult("Runtime.Tests", SuiteKind.OnTarget,
            [new("MmioTests.The_virtio_rng_device_answers", TestOutcome.Passed)], [], TimeSpan.Zero);
        var filter = new TestFilter("virtio", ["Runtime.Tests", "CoreLib.Tests"]);

        Assert.False(filter.NamesSuites);
        Assert.Single(filter.Apply(other)!.Cases);
    }

    [Fact]
    public void A_crash_before_a_selected_test_is_still_reported()
    {
        SuiteResult crashed = SuiteResult.Broken("CoreLib.Tests", SuiteKind.OnTarget, "crashed (exit 2)") with { Name = "CoreLib.Tests" };

        SuiteResult? kept = new TestFilter("Slow").Apply(crashed, knownNames: ["MathTests.Slow"]);

        Assert.NotNull(kept);
        Assert.Equal(1, kept.Failed);
        Assert.Null(new TestFilter("Nothing").Apply(crashed, knownNames: ["MathTests.Slow"]));
    }

    [Fact]
    public void No_filter_or_blank_selects_all()
    {
        Assert.True(TestFilter.All.IsAll);
        Assert.True(new TestFilter("  ").IsAll);
        Assert.Same(Suite, TestFilter.All.Apply(Suite));
    }

    [Theory]
    [InlineData("Add", "FullyQualifiedName~Add")]
    [InlineData("Add(1, 2)", @"FullyQualifiedName~Add\(1, 2\)")]
    [InlineData("a|b&c!=d~e\\", @"FullyQualifiedName~a\|b\&c\!\=d\~e\\")]
    public void Host_filters_escape_the_filter_language(string text, string expected)
    {
        Assert.Equal(expected, HostTestRun.FilterExpression(text));
    }

    [Fact]
    public void A_profile_name_selects_that_profiles_boots_whole_like_a_suite_name()
    {
        var filter = new TestFilter("delay", ["Scmi.Faults", "CoreLib.Tests", "delay", "no-p2a"]);

        Assert.True(filter.NamesSuites);
        Assert.True(filter.SelectsBoot("Scmi.Faults", "delay"));
        Assert.False(filter.SelectsBoot("Scmi.Faults", "no-p2a"));
        Assert.False(filter.SelectsBoot("CoreLib.Tests", null));
        // Naming a profile is naming suites: tests are no longer matched by their own names.
        Assert.False(filter.SelectsTest("DelayTests.Waits"));
    }

    [Fact]
    public void A_suite_name_selects_every_profile_of_the_suite()
    {
        var filter = new TestFilter("scmi.faults", ["Scmi.Faults", "delay", "no-p2a"]);

        Assert.True(filter.SelectsBoot("Scmi.Faults", "delay"));
        Assert.True(filter.SelectsBoot("Scmi.Faults", "no-p2a"));
        Assert.True(filter.SelectsBoot("Scmi.Faults", null));
    }
}
