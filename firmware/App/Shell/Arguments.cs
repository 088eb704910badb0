// Argument checks every protocol command shares: a domain id within the client's count, a discovered client.
using Scmi;

namespace App.Shell;

/// <summary>Reads and checks command arguments; on failure prints the one error line and returns false.</summary>
public static class Arguments
{
    /// <summary>Word <paramref name="index"/> as a domain id below <paramref name="count"/>.</summary>
    public static bool TryId(CommandLine line, int index, int count, out uint id)
    {
        if (!CommandParser.TryParseUInt32(line[index], out id))
        {
            ShellOutput.Error(line.Count <= index ? "missing id" : "bad id", line[index]);
            return false;
        }
        if (id >= (uint)count)
        {
            // The platform would answer NOT_FOUND; saying how many there are helps more.
            ShellOutput.Error(count == 0 ? "no such domain (there are none)" : "no such domain (ids go from 0 to count-1)", line[index]);
            return false;
        }
        return true;
    }

    /// <summary>False (with an error line) unless <paramref name="client"/> found its protocol at start.</summary>
    public static bool Discovered(ScmiProtocolClient client, string name)
    {
        if (client.IsDiscovered)
            return true;
        ShellOutput.Error("the platform does not offer this protocol", name);
        return false;
    }

    /// <summary>True when the line has exactly <paramref name="count"/> words; otherwise prints <paramref name="usage"/>.</summary>
    public static bool Expect(CommandLine line, int count, string usage)
    {
        if (line.Count == count)
            return true;
        ShellOutput.Error(usage);
        return false;
    }
}
