// One line of guest/init's "writes" section: "write PATH VALUE rc=RC readback=TEXT".
namespace Interop.Tests.Boot;

/// <summary>A file written (or only read, VALUE "?") by the guest and what reading it back gave.</summary>
public sealed record GuestWrite(string Path, string Value, int ExitCode, string Readback)
{
    public static GuestWrite? Parse(string line)
    {
        string[] parts = line.Split(' ', 5);
        if (parts.Length < 4 || parts[0] != "write" || !parts[3].StartsWith("rc=") || !int.TryParse(parts[3][3..], out int rc))
            return null;
        string readback = parts.Length == 5 && parts[4].StartsWith("readback=") ? parts[4]["readback=".Length..].Trim() : "";
        return new GuestWrite(parts[1], parts[2], rc, readback);
    }

    /// <summary>The entry for <paramref name="path"/> in a boot's writes section.</summary>
    public static GuestWrite For(GuestConsole console, string path) =>
        console.Section("writes").Select(Parse).OfType<GuestWrite>().LastOrDefault(w => w.Path == path)
        ?? throw new InvalidOperationException($"the guest reported no write of {path}:\n" + string.Join('\n', console.Section("writes")));
}
