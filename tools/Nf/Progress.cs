// Progress and diagnostics go to stderr with an "nf:" prefix; results go to stdout.
namespace Nf;

public static class Progress
{
    public static void Say(string message) => Console.Error.WriteLine("nf: " + message);
}
