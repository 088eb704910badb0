// Entry point of the nf runner: ./nf run | test [--list] [FILTER] | list [FILTER] | platform [OPTIONS] | bench [--quick].
using System.Runtime.InteropServices;
using Nf;
using Nf.Commands;
using Nf.Repository;

using var cancel = new CancellationTokenSource();
int stopSignal = 0;
void Stop(PosixSignalContext context)
{
    // The first SIGINT (Ctrl-C) or SIGTERM (a script's kill) stops every child the runner started (QEMU, the
    // daemons, dotnet test), waits for them and reports; a second one ends the runner at once.
    if (cancel.IsCancellationRequested)
        return;
    context.Cancel = true;
    stopSignal = context.Signal == PosixSignal.SIGTERM ? 15 : 2;
    cancel.Cancel();
}
using PosixSignalRegistration onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using PosixSignalRegistration onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

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
        "bench" => await BenchCommand.RunAsync(layout, rest, cancel.Token),
        _ => Usage(command),
    };
}
catch (OperationCanceledException)
{
    Progress.Say("interrupted");
    return 128 + (stopSignal == 0 ? 2 : stopSignal);
}

static int Usage(string command)
{
    Progress.Say($"unknown command '{command}'; commands: run, test [--list] [FILTER], list, platform [OPTIONS], bench [--quick]");
    return 2;
}
