// The inventory printed at start: the platform's identity and protocols, then each protocol's domains in aligned tables.
using App.Shell;
using App.Shell.Commands;
using Nano.Runtime.Native;
using Scmi;

namespace App.Inventory;

/// <summary>What the platform offers, for people: names, rates, levels, readings and states with their units.</summary>
public static class InventoryReport
{
    /// <summary>Prints the whole inventory. Context: thread.</summary>
    public static void Print(ShellContext context)
    {
        Console.WriteLine();
        Console.WriteLine("== SCMI platform ==");
        ScmiResult result = context.Identity.Read(context.Agent);
        if (!result.IsSuccess)
        {
            ShellOutput.Failed("base discovery", result);
            return;
        }
        InfoCommand.Print(context.Identity);
        if (context.Clock.IsDiscovered)
            Section(context, ScmiProtocolId.Clock);
        if (context.Performance.IsDiscovered)
            Section(context, ScmiProtocolId.Performance);
        if (context.Sensor.IsDiscovered)
            Section(context, ScmiProtocolId.Sensor);
        if (context.Power.IsDiscovered)
            Section(context, ScmiProtocolId.PowerDomain);
        if (context.Reset.IsDiscovered)
            Section(context, ScmiProtocolId.ResetDomain);
        if (context.Voltage.IsDiscovered)
            Section(context, ScmiProtocolId.VoltageDomain);
        if (context.PowerCap.IsDiscovered)
            Section(context, ScmiProtocolId.PowerCapping);
    }

    private static void Section(ShellContext context, ScmiProtocolId protocol)
    {
        Console.WriteLine();
        PrintTable(context, protocol);
    }

    /// <summary>The table of one protocol's domains; false for a protocol that has none. Context: thread.</summary>
    public static bool PrintTable(ShellContext context, ScmiProtocolId protocol)
    {
        switch (protocol)
        {
            case ScmiProtocolId.Clock:
                ClockTable.Print(context);
                return true;
            case ScmiProtocolId.Performance:
                PerformanceTable.Print(context);
                return true;
            case ScmiProtocolId.Sensor:
                SensorTable.Print(context);
                return true;
            case ScmiProtocolId.PowerDomain:
                DomainTables.PrintPower(context);
                return true;
            case ScmiProtocolId.ResetDomain:
                DomainTables.PrintReset(context);
                return true;
            case ScmiProtocolId.VoltageDomain:
                DomainTables.PrintVoltage(context);
                return true;
            case ScmiProtocolId.PowerCapping:
                DomainTables.PrintPowerCap(context);
                return true;
            default:
                return false;
        }
    }
}
