// The command line of `./nf test [--list] [--no-build] [--output] [FILTER]`.
namespace Nf.Commands;

/// <param name="Output">Show what the booted suites print besides their results (figures, tables), as it comes.</param>
public sealed record TestOptions(bool List, bool Build, string? FilterText, bool Output = false)
{
    public const string Usage = "./nf test [--list] [--no-build] [--output] [FILTER]";

    /// <summary>Parses <paramref name="arguments"/>; null with <paramref name="error"/> set when they make no sense.</summary>
    public static TestOptions? Parse(IReadOnlyList<string> arguments, out string? error)
    {
        error = null;
        bool list = false, build = true, output = false;
        string? filterText = null;
        foreach (string argument in arguments)
        {
            if (argument == "--list")
                list = true;
            else if (argument == "--no-build")
                build = false;
            else if (argument == "--output")
                output = true;
            else if (argument.StartsWith('-'))
                error = $"unknown option '{argument}' (usage: {Usage})";
            else if (filterText is null)
                filterText = argument;
            else
                error = "give at most one FILTER (a substring of suite, profile or test names)";
            if (error is not null)
                return null;
        }
        return new TestOptions(list, build, filterText, output);
    }
}
