// `info`: the platform's vendor, versions, agents and protocols, as Base discovery reports them.
using App.Format;
using App.Inventory;
using Nano.Runtime.Native;
using Scmi;

namespace App.Shell.Commands;

/// <summary>Prints the platform identity and the protocol table (the top of the inventory).</summary>
public static class InfoCommand
{
    public static ShellOutcome Run(ShellContext context, CommandLine line)
    {
        if (line.Count != 1)
            return ShellOutput.Error("usage: info");
        ScmiResult result = context.Identity.Read(context.Agent);
        if (!result.IsSuccess)
            return ShellOutput.Failed("base discovery", result);
        Print(context.Identity);
        return ShellOutcome.Continue;
    }

    /// <summary>Vendor, versions and the protocol table, aligned.</summary>
    public static void Print(PlatformIdentity identity)
    {
        var line = new LineBuilder(stackalloc char[ShellOutput.LineCapacity]);
        line.Append("vendor          ");
        line.AppendAscii(identity.Vendor);
        ShellOutput.Line(ref line);
        line.Clear();
        line.Append("sub-vendor      ");
        line.AppendAscii(identity.SubVendor);
        ShellOutput.Line(ref line);
        line.Clear();
        line.Append("implementation  ");
        AppendVersion(ref line, identity.ImplementationVersion, hexDigits: 8);
        ShellOutput.Line(ref line);
        line.Clear();
        line.Append("agents          ");
        line.Append((long)identity.AgentCount);
        ShellOutput.Line(ref line);
        line.Clear();
        line.Append("protocols       ");
        line.Append((long)identity.ListedProtocols);
        line.Append(" besides Base");
        ShellOutput.Line(ref line);
        Console.WriteLine();
        Console.WriteLine("  id    name     version  protocol");
        PrintProtocol(0x10, identity.BaseVersion);
        for (int i = 0; i < identity.ProtocolCount; i++)
            PrintProtocol(identity.Protocol(i), identity.ProtocolVersionOf(i));
    }

    /// <summary>An SCMI version word (major in bits 31:16, minor in 15:0) as "2.1".</summary>
    public static void AppendVersion(ref LineBuilder line, uint version, int hexDigits = 0)
    {
        line.Append((ulong)(version >> 16));
        line.Append('.');
        line.Append((ulong)(version & 0xFFFF));
        if (hexDigits > 0)
        {
            line.Append(" (");
            line.AppendHex(version, hexDigits);
            line.Append(')');
        }
    }

    private static void PrintProtocol(byte protocol, uint version)
    {
        var line = new LineBuilder(stackalloc char[ShellOutput.LineCapacity]);
        line.Append("  ");
        line.AppendHex(protocol, 2);
        line.PadTo(8);
        line.Append(ProtocolNames.ShortName(protocol) ?? "-");
        line.PadTo(17);
        if (version == 0)
            line.Append("?");
        else
            AppendVersion(ref line, version);
        line.PadTo(26);
        line.Append(ProtocolNames.Title(protocol));
        ShellOutput.Line(ref line);
    }
}
