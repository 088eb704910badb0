// The power, reset, voltage and power-cap domain tables: id, name and state, with units.
using System;
using App.Format;
using App.Shell;
using Nano.Runtime.Native;
using Scmi;
using Scmi.Protocols;

namespace App.Inventory;

/// <summary>One line per domain of the four "domain with a state" protocols (SCMI DEN0056E §4.3, §4.8, §4.9, §4.10).</summary>
public static class DomainTables
{
    public static void PrintPower(ShellContext context) =>
        PrintAll(context, ScmiProtocolId.PowerDomain, "power domains: ", context.Power.DomainCount, "state");

    public static void PrintPowerDomain(ShellContext context, uint id)
    {
        var line = new LineBuilder(stackalloc char[ShellOutput.LineCapacity]);
        Span<byte> name = stackalloc byte[Names.MostBytes];
        StartRow(ref line, id);
        ScmiResult result = context.Power.GetName(id, name, out int nameLength);
        Names.Append(ref line, result.IsSuccess ? name.Slice(0, nameLength) : default, Names.Column);
        result = context.Power.GetState(id, out uint state);
        if (result.IsSuccess)
            AppendPowerState(ref line, state);
        else
            Names.AppendFailure(ref line, result);
        ShellOutput.Line(ref line);
    }

    /// <summary>"on", "off", or the raw state word for a platform-specific state.</summary>
    public static void AppendPowerState(ref LineBuilder line, uint state)
    {
        // SCMI DEN0056E §4.3.2.4: bit 30 is the context (0 preserved = on, 1 lost = off), bits 27:0 the state id.
        if (state == PowerDomainProtocol.StateOn)
            line.Append("on");
        else if (state == PowerDomainProtocol.StateOff)
            line.Append("off");
        else
            line.AppendHex(state, 8);
    }

    public static void PrintReset(ShellContext context) =>
        PrintAll(context, ScmiProtocolId.ResetDomain, "reset domains: ", context.Reset.DomainCount, "latency      async  notify");

    public static void PrintResetDomain(ShellContext context, uint id)
    {
        var line = new LineBuilder(stackalloc char[ShellOutput.LineCapacity]);
        Span<byte> name = stackalloc byte[Names.MostBytes];
        StartRow(ref line, id);
        ScmiResult result = context.Reset.GetAttributes(id, out ResetDomainAttributes attributes, name, out int nameLength);
        if (!result.IsSuccess)
        {
            Names.AppendFailure(ref line, result);
            ShellOutput.Line(ref line);
            return;
        }
        if (attributes.ExtendedName && context.Reset.GetExtendedName(id, name, out int extended).IsSuccess)
            nameLength = extended;
        Names.Append(ref line, name.Slice(0, nameLength), Names.Column);
        if (attributes.LatencyMicroseconds == ResetDomainAttributes.UnknownLatency)
        {
            line.Append("unknown");
        }
        else
        {
            line.Append((ulong)attributes.LatencyMicroseconds);
            line.Append(" us");
        }
        line.PadTo(Names.Column + 13);
        line.Append(attributes.AsynchronousReset ? "yes" : "no");
        line.PadTo(Names.Column + 20);
        line.Append(attributes.Notifications ? "yes" : "no");
        ShellOutput.Line(ref line);
    }

    public static void PrintVoltage(ShellContext context) =>
        PrintAll(context, ScmiProtocolId.VoltageDomain, "voltage domains: ", context.Voltage.DomainCount, "level        config  levels");

    public static void PrintVoltageDomain(ShellContext context, uint id)
    {
        var line = new LineBuilder(stackalloc char[ShellOutput.LineCapacity]);
        Span<byte> name = stackalloc byte[Names.MostBytes];
        Span<char> number = stackalloc char[32];
        StartRow(ref line, id);
        ScmiResult result = context.Voltage.GetName(id, name, out int nameLength);
        Names.Append(ref line, result.IsSuccess ? name.Slice(0, nameLength) : default, Names.Column);
        result = context.Voltage.GetLevel(id, out int microvolts);
        if (result.IsSuccess)
            line.Append(number.Slice(0, Units.Voltage(microvolts, number)));
        else
            Names.AppendFailure(ref line, result);
        line.PadTo(Names.Column + 13);
        result = context.Voltage.GetConfig(id, out uint config);
        if (!result.IsSuccess)
            Names.AppendFailure(ref line, result);
        else
            line.Append(config == VoltageDomainProtocol.ConfigOff ? "off" : config == VoltageDomainProtocol.ConfigOn ? "on" : "other");
        line.PadTo(Names.Column + 21);
        Span<byte> page = stackalloc byte[context.Agent.MaxPayloadBytes];
        VoltageLevelList levels = context.Voltage.DescribeLevels(id, page);
        int shown = 0;
        while (shown < 4 && levels.TryGetNext(out int level))
        {
            if (levels.IsRange && shown == 0)
            {
                line.Append(number.Slice(0, Units.Voltage(levels.Lowest, number)));
                line.Append(" .. ");
                line.Append(number.Slice(0, Units.Voltage(levels.Highest, number)));
                line.Append(" step ");
                line.Append(number.Slice(0, Units.Voltage(levels.Step, number)));
                shown = 4;
                break;
            }
            if (shown > 0)
                line.Append(", ");
            line.Append(number.Slice(0, Units.Voltage(level, number)));
            shown++;
        }
        if (!levels.Result.IsSuccess)
        {
            Names.AppendFailure(ref line, levels.Result);
        }
        else if (!levels.IsRange && levels.Count > (uint)shown)
        {
            line.Append(" (");
            line.Append((ulong)levels.Count);
            line.Append(" levels)");
        }
        ShellOutput.Line(ref line);
    }

    public static void PrintPowerCap(ShellContext context) =>
        PrintAll(context, ScmiProtocolId.PowerCapping, "power-cap domains: ", context.PowerCap.DomainCount, "cap          range                  power now");

    public static void PrintPowerCapDomain(ShellContext context, uint id)
    {
        var line = new LineBuilder(stackalloc char[ShellOutput.LineCapacity]);
        Span<byte> name = stackalloc byte[Names.MostBytes];
        StartRow(ref line, id);
        ScmiResult result = context.PowerCap.GetAttributes(id, out PowerCapDomainAttributes attributes, name, out int nameLength);
        if (!result.IsSuccess)
        {
            Names.AppendFailure(ref line, result);
            ShellOutput.Line(ref line);
            return;
        }
        if (attributes.ExtendedName && context.PowerCap.GetExtendedName(id, name, out int extended).IsSuccess)
            nameLength = extended;
        Names.Append(ref line, name.Slice(0, nameLength), Names.Column);
        result = context.PowerCap.GetCap(id, out uint cap);
        if (result.IsSuccess)
            AppendPower(ref line, attributes, cap);
        else
            Names.AppendFailure(ref line, result);
        line.PadTo(Names.Column + 13);
        AppendPower(ref line, attributes, attributes.MinimumCap);
        line.Append(" .. ");
        AppendPower(ref line, attributes, attributes.MaximumCap);
        line.PadTo(Names.Column + 36);
        if (attributes.Monitoring)
        {
            result = context.PowerCap.GetMeasurements(id, out uint power, out _);
            if (result.IsSuccess)
                AppendPower(ref line, attributes, power);
            else
                Names.AppendFailure(ref line, result);
        }
        else
        {
            line.Append('-');
        }
        ShellOutput.Line(ref line);
    }

    /// <summary>A power value in the domain's unit: mW or uW when the attributes say so, else the platform's abstract units.</summary>
    public static void AppendPower(ref LineBuilder line, in PowerCapDomainAttributes attributes, uint value)
    {
        Span<char> number = stackalloc char[32];
        // SCMI DEN0056E §4.10.2.4: bit 24 set = milliwatts, bit 23 set = microwatts, neither = abstract units.
        if (attributes.Milliwatts)
        {
            line.Append(number.Slice(0, Units.Power((long)value * 1000, number)));
        }
        else if (attributes.Microwatts)
        {
            line.Append(number.Slice(0, Units.Power(value, number)));
        }
        else
        {
            line.Append((ulong)value);
            line.Append(" units");
        }
    }

    /// <summary>The count line, the header and one row per domain: the same frame for the four tables.</summary>
    private static void PrintAll(ShellContext context, ScmiProtocolId protocol, string title, int count, string columns)
    {
        Console.Write(title);
        Console.WriteLine(count);
        Console.Write(Names.Header);
        Console.WriteLine(columns);
        for (uint id = 0; id < (uint)count; id++)
        {
            switch (protocol)
            {
                case ScmiProtocolId.PowerDomain:
                    PrintPowerDomain(context, id);
                    break;
                case ScmiProtocolId.ResetDomain:
                    PrintResetDomain(context, id);
                    break;
                case ScmiProtocolId.VoltageDomain:
                    PrintVoltageDomain(context, id);
                    break;
                default:
                    PrintPowerCapDomain(context, id);
                    break;
            }
        }
    }

    private static void StartRow(ref LineBuilder line, uint id)
    {
        line.Append("  ");
        line.Append((ulong)id);
        line.PadTo(6);
    }
}
