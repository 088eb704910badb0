// The image's exit codes (docs/conventions.md §3), as the on-target runner uses them.
using System;
namespace Nano.TestFramework;

public static class ExitCodes
{
    public const int AllPassed = 0;
    public const int TestFailed = 1;
    public const int Panic = 2;
    public const int RunnerBroke = 3;
}
