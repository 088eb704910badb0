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
    }
}
