// A real VhostUserServer on a unix socket in a temporary folder, run on its own thread for one test.
using Platform.Tests.Doubles;
using ScmiPlatform.Device;
using ScmiPlatform.VhostUser;

namespace Platform.Tests.VhostUser;

/// <summary>Starts the server with a model, stops it and checks the thread ended.</summary>
public sealed class RunningServer : IDisposable
{
    private readonly string _folder;
    private readonly Thread _thread;
    private Exception? _failure;

    public RunningServer(IScmiDeviceModel model, bool offerP2A = true)
    {
        _folder = Directory.CreateTempSubdirectory("scmi-vu-").FullName;
        SocketPath = Path.Combine(_folder, "scmi.sock");
        Log = new StringWriter();
        Device = new ScmiVirtioDevice(model, new TransportLog(TextWriter.Synchronized(Log), traceEnabled: true));
        Server = new VhostUserServer(SocketPath, Device, new TransportLog(TextWriter.Synchronized(Log), traceEnabled: true))
        {
            OfferP2AChannels = offerP2A,
        };
        Server.Listen();
        _thread = new Thread(() =>
        {
            try { Server.Run(); }
            catch (Exception e) { _failure = e; }
        })
        { IsBackground = true, Name = "vhost-user server" };
        _thread.Start();
    }

    public string SocketPath { get; }
    public StringWriter Log { get; }
    public ScmiVirtioDevice Device { get; }
    public VhostUserServer Server { get; }

    public VhostUserFrontendDouble Connect() => VhostUserFrontendDouble.Connect(SocketPath);

    /// <summary>Waits until <paramref name="condition"/> holds (the server thread works asynchronously).</summary>
    public static bool Eventually(Func<bool> condition, int timeoutMilliseconds = 5000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMilliseconds);
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
                return true;
            Thread.Sleep(5);
        }
        return condition();
    }

    public void Dispose()
    {
        Server.Stop();
        bool ended = _thread.Join(5000);
        Server.Dispose();
        Directory.Delete(_folder, recursive: true);
        if (!ended)
            throw new TimeoutException("server thread did not stop");
        if (_failure is not null)
            throw new InvalidOperationException("server thread failed", _failure);
    }
}
