// Which project a build error belongs to, from MSBuild's console lines.
using Nf.Building;
using Xunit;

namespace Nf.Tests;

public class BuildErrorsTests
{
    [Fact]
    public void Errors_are_grouped_by_the_project_in_brackets()
    {
        const string output = """
            /r/tests/Firmware.Tests/A/T.cs(3,9): error CS0103: The name 'x' does not exist in the current context [/r/tests/Firmware.Tests/A/A.csproj]
            /r/tests/Firmware.Tests/A/T.cs(3,9): error CS0103: The name 'x' does not exist in the current context [/r/tests/Firmware.Tests/A/A.csproj]
            /r/boards/qemu-virt/Board.targets(40,5): error MSB3073: The command "ld" exited with code 1. [/r/firmware/App/App.csproj::TargetFramework=net10.0]
            /r/x.cs(1,1): warning CS0168: unused [/r/tests/Firmware.Tests/A/A.csproj]
            """;

        var errors = BuildErrors.ByProject(output);

        Assert.Equal(2, errors.Count);
        Assert.Single(errors["/r/tests/Firmware.Tests/A/A.csproj"]);
        Assert.Contains("MSB3073", errors["/r/firmware/App/App.csproj"][0]);
        Assert.Equal(2, BuildErrors.Lines(output).Count);
    }

    [Fact]
    public void A_clean_build_has_no_errors()
    {
        Assert.Empty(BuildErrors.ByProject("Build succeeded.\n    0 Error(s)\n"));
    }
}
