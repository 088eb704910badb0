// What one boot of the guest is asked to do: raw SCMI messages to send and files to write, packed as
// an extra cpio archive after the cached initramfs (the kernel unpacks concatenated archives in order).
using System.Text;
using Nf.Linux;

namespace Interop.Tests.Guest;

/// <summary>The /nf folder of one boot: /nf/raw/NNNN-NAME.bin messages, /nf/burst/NNNN.bin messages, /nf/writes lines.</summary>
public sealed class GuestRequests
{
    private readonly List<(string Name, byte[] Message)> _raw = [];
    private readonly List<(string Path, string Value)> _writes = [];
    private readonly List<byte[]> _burst = [];

    /// <summary>Raw messages in the order the guest sends them.</summary>
    public IReadOnlyList<(string Name, byte[] Message)> Raw => _raw;

    /// <summary>Queues one complete SCMI message (header first) for raw mode. Names are [A-Za-z0-9._-].</summary>
    public void AddRaw(string name, byte[] message)
    {
        if (name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')))
            throw new ArgumentException($"raw message name '{name}' must be [A-Za-z0-9._-] (it becomes a file name)");
        _raw.Add((name, message));
    }

    /// <summary>Queues a message for the burst: all burst messages are written before any reply is read.</summary>
    public void AddBurst(byte[] message) => _burst.Add(message);

    /// <summary>Queues a write of <paramref name="value"/> to a sysfs or debugfs file, read back afterwards.</summary>
    public void AddWrite(string path, string value)
    {
        if (path.Contains(' ') || value.Contains('\n'))
            throw new ArgumentException("write paths have no spaces and values are one line");
        _writes.Add((path, value));
    }

    /// <summary>The raw message file name the guest prints back for entry <paramref name="index"/>.</summary>
    public static string FileStem(int index, string name) => $"{index:D4}-{name}";

    /// <summary>Writes the cached initramfs followed by this boot's archive to <paramref name="destination"/>.</summary>
    public void WriteInitramfs(string baseInitramfs, string destination)
    {
        var archive = new NewcArchive();
        archive.AddDirectory("nf");
        archive.AddDirectory("nf/raw");
        for (int i = 0; i < _raw.Count; i++)
            archive.AddFile($"nf/raw/{FileStem(i, _raw[i].Name)}.bin", _raw[i].Message);
        archive.AddDirectory("nf/burst");
        for (int i = 0; i < _burst.Count; i++)
            archive.AddFile($"nf/burst/{i:D4}.bin", _burst[i]);
        var writes = new StringBuilder();
        foreach ((string path, string value) in _writes)
            writes.Append(path).Append(' ').Append(value).Append('\n');
        archive.AddFile("nf/writes", Encoding.ASCII.GetBytes(writes.ToString()));

        Initramfs.WriteWithOverlay(baseInitramfs, archive.Finish(), destination);
    }
}
