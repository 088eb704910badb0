// The device tree source Linux needs to find our platform: an "arm,scmi-virtio" node with one protocol node
// per protocol the description offers, carrying the cells its consumers use
// (Documentation/devicetree/bindings/firmware/arm,scmi.yaml in Linux 6.12).
using System.Text;
using ScmiPlatform.Description;

namespace Interop.Tests.DeviceTree;

/// <summary>Builds the second root block appended to QEMU's own device tree.</summary>
public static class ScmiDeviceTreeSource
{
    /// <summary>
    /// How long Linux waits for each reply. Shorter than its 60 s default, so a platform that never answers
    /// fails the boot quickly; long enough for a daemon that is still JIT-compiling on a busy machine.
    /// </summary>
    public const int MaxRxTimeoutMilliseconds = 5000;

    /// <summary>The CPU that runs at performance domain 0 (scmi-cpufreq finds its domain through `clocks`).</summary>
    public const string CpuNode = "cpu@0";

    /// <summary>The DTS text for <paramref name="description"/>.</summary>
    public static string For(PlatformDescription description)
    {
        var dts = new StringBuilder();
        dts.AppendLine("/ {");
        dts.AppendLine("\tfirmware {");
        dts.AppendLine("\t\tscmi {");
        dts.AppendLine("\t\t\tcompatible = \"arm,scmi-virtio\";");
        dts.AppendLine("\t\t\t#address-cells = <1>;");
        dts.AppendLine("\t\t\t#size-cells = <0>;");
        dts.AppendLine($"\t\t\tarm,max-rx-timeout-ms = <{MaxRxTimeoutMilliseconds}>;");
        if (description.PowerDomains.Count > 0)
            Protocol(dts, "scmi_power", 0x11, "#power-domain-cells = <1>;");
        if (description.PerformanceDomains.Count > 0)
            // binding: the performance protocol is a clock provider (cpufreq) and a power-domain provider (perf genpd).
            Protocol(dts, "scmi_dvfs", 0x13, "#clock-cells = <1>;", "#power-domain-cells = <1>;");
        if (description.Clocks.Count > 0)
            Protocol(dts, "scmi_clk", 0x14, "#clock-cells = <1>;");
        if (description.Sensors.Count > 0)
            Protocol(dts, "scmi_sensors", 0x15, "#thermal-sensor-cells = <1>;");
        if (description.ResetDomains.Count > 0)
            Protocol(dts, "scmi_reset", 0x16, "#reset-cells = <1>;");
        if (description.VoltageDomains.Count > 0)
        {
            // binding: "regulators" under protocol@17, one "regulator@N" child per voltage domain id N.
            var regulators = new List<string> { "regulators {", "\t#address-cells = <1>;", "\t#size-cells = <0>;" };
            for (int id = 0; id < description.VoltageDomains.Count; id++)
            {
                regulators.Add($"\tregulator@{id:x} {{");
                regulators.Add($"\t\treg = <0x{id:x}>;");
                regulators.Add($"\t\tregulator-name = \"{RegulatorName(description, id)}\";");
                regulators.Add("\t};");
            }
            regulators.Add("};");
            Protocol(dts, "scmi_voltage", 0x17, [.. regulators]);
        }
        if (description.PowerCapDomains.Count > 0)
            Protocol(dts, "scmi_powercap", 0x18);
        dts.AppendLine("\t\t};");
        dts.AppendLine("\t};");
        if (description.PerformanceDomains.Count > 0)
        {
            dts.AppendLine("\tcpus {");
            dts.AppendLine($"\t\t{CpuNode} {{");
            dts.AppendLine("\t\t\tclocks = <&scmi_dvfs 0>;");
            dts.AppendLine("\t\t};");
            dts.AppendLine("\t};");
        }
        dts.AppendLine("};");
        return dts.ToString();
    }

    /// <summary>The regulator name Linux shows for voltage domain <paramref name="id"/>.</summary>
    public static string RegulatorName(PlatformDescription description, int id) =>
        new(description.VoltageDomains[id].Name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '_').ToArray());

    private static void Protocol(StringBuilder dts, string label, int id, params string[] body)
    {
        dts.AppendLine($"\t\t\t{label}: protocol@{id:x} {{");
        dts.AppendLine($"\t\t\t\treg = <0x{id:x}>;");
        foreach (string line in body)
            dts.AppendLine("\t\t\t\t" + line);
        dts.AppendLine("\t\t\t};");
    }
}
