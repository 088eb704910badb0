// scmi-platform: the vhost-user backend daemon for QEMU's vhost-user-scmi device.
using System.Runtime.InteropServices;
using ScmiPlatform.Daemon;
using ScmiPlatform.Device;
using ScmiPlatform.VhostUser;

DaemonOptions? options = DaemonOptions.Parse(args, out string? error);
if (options is null)
{
    Console.Error.WriteLine($"scmi-platform: {error}");
    Console.Error.WriteLine(DaemonOptions.Usage);
    return 2;
}
if (options.Help)
{
    Console.WriteLine(DaemonOptions.Usage);
    return 0;
}
if (options.PrintCapabilities)
{
    // vhost-user "Backend program conventions": --print-capabilities prints a JSON object with the device type.
    Console.WriteLine("{\n  \"type\": \"scmi\"\n}");
    return 0;
}

var log = new TransportLog(Console.Error, options.Trace);
IScmiDeviceModel model;
try
{
    model = ModelFactory.Create(options, log);
}
catch (Exception e) when (e is IOException or ArgumentException or FormatException or InvalidOperationException)
{
    Console.Error.WriteLine($"scmi-platform: {e.Message}");
    return 2;
}

var device = new ScmiVirtioDevice(model, log);
using var server = new VhostUserServer(options.SocketPath!, device, log) { OfferP2AChannels = !options.NoP2A };
// Handlers go in before "listening on" is printed: a script may signal as soon as it reads that line.
// Not disposed: the deadline thread may start, or still wait on it, while Main returns.
var finished = new ManualResetEventSlim();
void RequestStop(PosixSignalContext context)
{
    context.Cancel = true;
    log.Info($"{context.Signal}: stopping");
    server.Stop();
    // The server gives up any wait on the frontend when asked to stop; should anything still hold it, the
    // daemon ends anyway within the bound the README promises (exit 0, socket file removed).
    new Thread(() =>
    {
        if (finished.Wait(ShutdownBound))
            return;
        log.Warn($"not stopped within {ShutdownBound.TotalSeconds:0} s; exiting anyway");
        File.Delete(options.SocketPath!);
        Environment.Exit(0);
    })
    { IsBackground = true, Name = "shutdown deadline" }.Start();
}
using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, RequestStop);
using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, RequestStop);
try
{
    server.Listen();
}
catch (Exception e) when (e is IOException or ArgumentException)
{
    Console.Error.WriteLine($"scmi-platform: {e.Message}");
    return 1;
}
// One line on stdout when frontends may connect: scripts and tests wait for it before starting QEMU.
Console.Out.WriteLine($"listening on {options.SocketPath}");
Console.Out.Flush();

server.Run();
finished.Set();
log.Info($"stopped; {device.Counters}");
return 0;

partial class Program
{
    /// <summary>How long a stop request may take, whatever the frontend does.</summary>
    private static readonly TimeSpan ShutdownBound = TimeSpan.FromSeconds(2);
}
