// Entry point of the nf runner: ./nf run | test [--list] [FILTER] | list [FILTER] | platform [OPTIONS].
using Nf;
using Nf.Commands;
using Nf.Repository;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl-C: stop QEMU and the daemon cleanly and report; a second one kills the runner.
    if (cancel.IsCancellationRequested)
        return;
    e.Cancel = true;
    cancel.Cancel();
};

string command = args.Length > 0 ? args[0] : "help";
string[] rest = args.Skip(1).ToArray();
RepoLayout layout;
try
{
    layout = RepoLayout.Find(Environment.CurrentDirectory);
}
catch (InvalidOperationException e)
{
    Progress.Say(e.Message);
    return 3;
}

try
{
    return command switch
    {
        "run" => await RunCommand.RunAsync(layout, rest, cancel.Token),
        "test" => await TestCommand.RunAsync(layout, rest, cancel.Token),
        "list" => await TestCommand.RunAsync(layout, ["--list", .. rest], cancel.Token),
        "platform" => await PlatformCommand.RunAsync(layout, rest, cancel.Token),
        _ => Usage(command),
    };
}
catch (OperationCanceledException)
{
    Progress.Say("interrupted");
    return 130;
}

static int Usage(string command)
{
    Progress.Say($"unknown command '{command}'; commands: run, test [--list] [FILTER], list, platform [OPTIONS]");
    return 2;
}
