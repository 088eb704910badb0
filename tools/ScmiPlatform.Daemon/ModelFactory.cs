// The one place the daemon chooses and builds its SCMI platform model.
using ScmiPlatform.Description;
using ScmiPlatform.Device;
using ScmiPlatform.Faults;
using ScmiPlatform.Trace;
using ScmiPlatform.Model;
using ScmiPlatform.Protocols;

namespace ScmiPlatform.Daemon;

/// <summary>Builds the <see cref="IScmiDeviceModel"/> the daemon serves.</summary>
public static class ModelFactory
{
    /// <summary>
    /// Creates the SCMI platform model from the command line (--null: <see cref="NullPlatformModel"/>): the description file (platforms/default.json
    /// next to the assembly when --platform is absent), the --fault list with --seed, and --trace.
    /// A bad description or fault throws <see cref="FormatException"/> / <see cref="ArgumentException"/> naming the field.
    /// </summary>
    public static IScmiDeviceModel Create(DaemonOptions options, TransportLog log)
    {
        if (options.NullPlatform)
        {
            log.Info("null platform: every command answers SUCCESS at once with zero values");
            return new NullPlatformModel();
        }
        string path = options.PlatformFile ?? PlatformDescriptionLoader.DefaultPath;
        if (!File.Exists(path))
            throw new FileNotFoundException($"platform description not found: {path}");
        PlatformDescription description;
        try
        {
            description = PlatformDescriptionLoader.LoadFile(path);
        }
        catch (PlatformDescriptionException e)
        {
            throw new FormatException($"platform description {path}: {e.Message}");
        }
        var faults = FaultOptions.FromTexts(options.Faults, options.Seed);
        // Deferred work that fails is always logged, traced or not.
        var scheduler = new TimerScheduler(e => log.Warn($"deferred work failed: {e}"));
        var model = ScmiPlatformModel.Create(description, faults, options.Trace ? new TransportLogTraceSink(log) : null, scheduler);
        log.Info($"platform {path}: protocols {string.Join(' ', model.ProtocolIds.Select(id => $"0x{id:X2}"))}"
            + (model.Faults.IsEmpty ? "" : $"; faults {string.Join(' ', model.Faults.Rules.Select(r => r.Describe()))} seed {model.Faults.Seed ?? 0}"));
        return model;
    }

    /// <summary>SCMI trace lines go to the transport log, interleaved with the transport's own traffic lines.</summary>
    private sealed class TransportLogTraceSink(TransportLog log) : ITraceSink
    {
        public void WriteLine(string line) => log.Trace("scmi " + line);
    }
}
