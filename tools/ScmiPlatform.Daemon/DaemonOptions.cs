// The scmi-platform command line, parsed.
namespace ScmiPlatform.Daemon;

/// <summary>What the command line asked for.</summary>
public sealed record DaemonOptions
{
    public string? SocketPath { get; init; }
    public bool PrintCapabilities { get; init; }
    public bool Help { get; init; }
    /// <summary>The platform description file, handed to the SCMI model.</summary>
    public string? PlatformFile { get; init; }
    /// <summary>Decoded message log on stderr.</summary>
    public bool Trace { get; init; }
    /// <summary>--fault values, in order, handed to the SCMI model verbatim.</summary>
    public IReadOnlyList<string> Faults { get; init; } = [];
    /// <summary>--seed: makes random fault choices repeatable.</summary>
    public int? Seed { get; init; }
    /// <summary>--no-p2a: do not offer VIRTIO_SCMI_F_P2A_CHANNELS (no eventq; async and notify requests answer NOT_SUPPORTED).</summary>
    public bool NoP2A { get; init; }
    /// <summary>--null: no SCMI model; every command answers SUCCESS at once with fixed zero values (the benchmarks' floor).</summary>
    public bool NullPlatform { get; init; }

    public const string Usage = """
        usage: scmi-platform --socket-path PATH [--platform FILE] [--trace] [--fault SPEC]... [--seed N] [--no-p2a] [--null]
               scmi-platform --print-capabilities | --help

        vhost-user backend for QEMU's vhost-user-scmi device: an SCMI platform (firmware) model.
          --socket-path PATH   unix socket to listen on (a stale file is removed); also --socket-path=PATH
          --platform FILE      platform description (clocks, domains, sensors...) for the SCMI model
          --trace              log vhost-user messages, queue events and SCMI messages on stderr
          --fault SPEC         fault to inject, passed to the SCMI model (repeatable; see README)
          --seed N             seed for random fault choices (repeatable runs)
          --no-p2a             do not offer VIRTIO_SCMI_F_P2A_CHANNELS: no eventq, async and notify
                               requests answer NOT_SUPPORTED
          --null               no SCMI model: every command answers SUCCESS at once with zero values
                               (the floor the benchmarks compare the model against)
          --print-capabilities print the backend capabilities as JSON and exit
          --help               this text
        Prints "listening on PATH" when ready; exits 0 on SIGTERM or SIGINT.
        """;

    /// <summary>Parses <paramref name="args"/>; returns null and an error message when they make no sense.</summary>
    public static DaemonOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var options = new DaemonOptions();
        var faults = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            string? inlineValue = null;
            int equals = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                inlineValue = arg[(equals + 1)..];
                arg = arg[..equals];
            }
            string? Value()
            {
                if (inlineValue is not null)
                    return inlineValue;
                if (i + 1 < args.Count)
                    return args[++i];
                return null;
            }
            switch (arg)
            {
                case "--socket-path":
                    options = options with { SocketPath = Value() ?? Fail(ref error, "--socket-path needs a path") };
                    break;
                case "--platform":
                    options = options with { PlatformFile = Value() ?? Fail(ref error, "--platform needs a file") };
                    break;
                case "--fault":
                    faults.Add(Value() ?? Fail(ref error, "--fault needs a value") ?? "");
                    break;
                case "--seed":
                {
                    string? seed = Value();
                    if (int.TryParse(seed, out int value))
                        options = options with { Seed = value };
                    else
                        error = $"--seed needs an integer, found '{seed}'";
                    break;
                }
                case "--no-p2a":
                    options = options with { NoP2A = true };
                    break;
                case "--null":
                    options = options with { NullPlatform = true };
                    break;
                case "--trace":
                    options = options with { Trace = true };
                    break;
                case "--print-capabilities":
                    options = options with { PrintCapabilities = true };
                    break;
                case "--help":
                case "-h":
                    options = options with { Help = true };
                    break;
                default:
                    error = $"unknown argument '{args[i]}'";
                    break;
            }
            if (error is not null)
                return null;
        }
        options = options with { Faults = faults };
        if (!options.Help && !options.PrintCapabilities && string.IsNullOrEmpty(options.SocketPath))
        {
            error = "--socket-path is required";
            return null;
        }
        return options;
    }

    private static string? Fail(ref string? error, string message)
    {
        error = message;
        return null;
    }
}
