// The one place the daemon chooses and builds its SCMI platform model.
using ScmiPlatform.Device;

namespace ScmiPlatform.Daemon;

/// <summary>Builds the <see cref="IScmiDeviceModel"/> the daemon serves.</summary>
public static class ModelFactory
{
    /// <summary>
    /// Creates the model from the command line (platform description, faults, tracing). Until the SCMI
    /// protocol model is wired in here, every command is answered NOT_SUPPORTED, which exercises the
    /// whole transport path.
    /// </summary>
    public static IScmiDeviceModel Create(DaemonOptions options, TransportLog log)
    {
        if (options.PlatformFile is not null && !File.Exists(options.PlatformFile))
            throw new FileNotFoundException($"platform description not found: {options.PlatformFile}");
        if (options.PlatformFile is not null || options.Faults.Count > 0)
            log.Warn("the SCMI protocol model is not wired in yet: --platform and --fault are accepted but every command answers NOT_SUPPORTED");
        return new NotSupportedModel();
    }
}
