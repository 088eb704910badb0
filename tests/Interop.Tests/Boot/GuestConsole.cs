// Reads what the guest's /init printed: sections between "@@nf begin NAME" and "@@nf end NAME".
namespace Interop.Tests.Boot;

/// <summary>The console of one boot, split into the sections guest/init prints.</summary>
public sealed class GuestConsole
{
    private const string Begin = "@@nf begin ";
    private const string End = "@@nf end ";
    /// <summary>Printed by /init once the root filesystem is mounted.</summary>
    public const string UpMarker = "@@nf guest up";
    /// <summary>Printed by /init after its last section, right before power-off.</summary>
    public const string DoneMarker = "@@nf done";

    private readonly Dictionary<string, List<string>> _sections = new(StringComparer.Ordinal);

    public GuestConsole(IReadOnlyList<string> lines)
    {
        Lines = lines;
        List<string>? current = null;
        foreach (string raw in lines)
        {
            string line = raw.TrimEnd('\r');
            if (line.StartsWith(Begin, StringComparison.Ordinal))
                _sections[line[Begin.Length..].Trim()] = current = [];
            else if (line.StartsWith(End, StringComparison.Ordinal))
                current = null;
            else
                current?.Add(line);
            if (line == UpMarker)
                ReachedInit = true;
            if (line == DoneMarker)
                Finished = true;
        }
    }

    /// <summary>Everything QEMU and the guest printed.</summary>
    public IReadOnlyList<string> Lines { get; }
    /// <summary>The guest's /init ran.</summary>
    public bool ReachedInit { get; }
    /// <summary>/init printed every section.</summary>
    public bool Finished { get; }

    /// <summary>Whether /init printed section <paramref name="name"/>.</summary>
    public bool HasSection(string name) => _sections.ContainsKey(name);

    /// <summary>The lines of section <paramref name="name"/>; throws when /init never printed it.</summary>
    public IReadOnlyList<string> Section(string name) =>
        _sections.TryGetValue(name, out List<string>? lines)
            ? lines
            : throw new InvalidOperationException($"the guest printed no '{name}' section (reached init: {ReachedInit}, finished: {Finished}); last lines:\n"
                + string.Join('\n', Lines.TakeLast(25)));

    /// <summary>The kernel log (dmesg): up to /init's start, plus what came while /init ran its sections.</summary>
    public IReadOnlyList<string> KernelLog =>
        [.. Section("dmesg"), .. HasSection("dmesg-late") ? Section("dmesg-late") : []];

    /// <summary>"PATH VALUE" lines of a section, as a map (show() in guest/init prints them).</summary>
    public IReadOnlyDictionary<string, string> Files(string section)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in Section(section))
        {
            int space = line.IndexOf(' ');
            if (line.StartsWith('/') && space > 0)
                files[line[..space]] = line[(space + 1)..].Trim();
        }
        return files;
    }
}
