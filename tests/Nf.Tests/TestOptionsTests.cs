// The command line of `./nf test`: options in any order, one FILTER, unknown options named with the usage.
using Nf.Commands;
using Xunit;

namespace Nf.Tests;

public class TestOptionsTests
{
    [Fact]
    public void Output_shows_what_suites_print_and_combines_with_a_filter()
    {
        TestOptions? options = TestOptions.Parse(["--output", "Scmi.Smp"], out string? error);
        Assert.Null(error);
        Assert.True(options!.Output);
        Assert.Equal("Scmi.Smp", options.FilterText);
        Assert.True(options.Build);
    }

    [Fact]
    public void Without_options_only_results_are_shown_and_everything_is_built()
    {
        TestOptions? options = TestOptions.Parse([], out _);
        Assert.False(options!.Output);
        Assert.False(options.List);
        Assert.True(options.Build);
        Assert.Null(options.FilterText);
    }

    [Fact]
    public void An_unknown_option_is_named_with_the_usage()
    {
        Assert.Null(TestOptions.Parse(["--verbose"], out string? error));
        Assert.Contains("'--verbose'", error);
        Assert.Contains("--output", error);
    }
}
