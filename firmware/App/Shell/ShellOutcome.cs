// What a shell command asks of the loop after it ran.
namespace App.Shell;

/// <summary>Whether the shell goes on after a command.</summary>
public enum ShellOutcome
{
    /// <summary>Read the next line.</summary>
    Continue,
    /// <summary>Leave the shell (the program then ends with exit code 0).</summary>
    Exit,
}
