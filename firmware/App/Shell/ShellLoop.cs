// The interactive shell: prompt, line editing with echo, one command per line, until `exit` or the end of input.
using App.Format;
using Nano.Runtime.Native;

namespace App.Shell;

/// <summary>
/// Reads the console (<see cref="ConsoleInput"/>, filled by the UART's receive interrupt), echoes what the
/// editor accepts, and runs each completed line. The prompt is <see cref="Prompt"/>; a runner feeding a
/// script waits for it before sending the next line.
/// </summary>
public static class ShellLoop
{
    /// <summary>Printed before every line; `./nf run --script` waits for it.</summary>
    public const string Prompt = "nf> ";

    /// <summary>Runs the shell until `exit` or Ctrl-D. Context: thread, interrupts enabled.</summary>
    public static void Run(ShellContext context, LineEditor editor)
    {
        Console.Write(Prompt);
        while (true)
        {
            byte typed = ConsoleInput.Read();
            switch (editor.Feed(typed))
            {
                case LineEditorAction.Echo:
                    Console.Write((char)typed == '\t' ? ' ' : (char)typed);
                    break;
                case LineEditorAction.Erase:
                    Console.Write("\b \b");
                    break;
                case LineEditorAction.Refuse:
                    Console.Write('\a');
                    break;
                case LineEditorAction.Cancel:
                    Console.WriteLine("^C");
                    Console.Write(Prompt);
                    break;
                case LineEditorAction.Line:
                    Console.WriteLine();
                    if (CommandDispatcher.Execute(context, editor.Line) == ShellOutcome.Exit)
                    {
                        Console.WriteLine("bye");
                        return;
                    }
                    Console.Write(Prompt);
                    break;
                case LineEditorAction.EndOfInput:
                    Console.WriteLine();
                    Console.WriteLine("end of input, bye");
                    return;
            }
        }
    }
}
