// Linux's scmi-hwmon and our agent against the same sensors: names and readings, scale and unit applied, within their ramp.
using Interop.Tests.Boot;
using Interop.Tests.Ours;
using Interop.Tests.Raw;
using ScmiPlatform.Description;
using Xunit;

namespace Interop.Tests;

[Collection(LinuxGuestCollection.Name)]
public sealed class LinuxComparisonSensorTests(LinuxGuestFixture fixture)
{
    private LinuxGuestRun Run => fixture.Run;

    private static Dictionary<byte, (string Prefix, int Exponent)> HwmonTypes => LinuxSensorTests.HwmonTypes;

    public static IEnumerable<object[]> HwmonSensors() => LinuxSensorTests.HwmonSensors();

    public static IEnumerable<object[]> SensorsWithAxes() => DescriptionData.Names(d => d.Sensors.Where(s => s.Axes.Count > 0).Select(s => s.Name));

    [LinuxTheory]
    [MemberData(nameof(HwmonSensors))]
    public async Task LinuxHwmonAndOurAgentReadTheSensorAlike(string name)
    {
        OurAgentReport ours = await OurAgent.ReportAsync();
        SensorDescription sensor = Run.Description.Sensors.Single(s => s.Name == name);
        IReadOnlyDictionary<string, string> files = Run.Console.Files("hwmon");
        string label = files.Single(f => f.Value == name && f.Key.EndsWith("_label", StringComparison.Ordinal)).Key;
        long shown = long.Parse(files[label[..^"_label".Length] + "_input"]);

        // hwmon shows value × 10^(scale + unit exponent); back to the platform's reading, which must lose nothing.
        int exponent = sensor.Scale + HwmonTypes[sensor.Unit].Exponent;
        long factor = (long)Math.Pow(10, Math.Abs(exponent));
        Assert.True(exponent <= 0 || shown % factor == 0, $"hwmon's {shown} is not a whole reading at 10^{exponent}");
        long linuxReading = exponent <= 0 ? shown * factor : shown / factor;

        // Ours: "<reading> <unit>" then the trip point and axis counts.
        string[] words = ours.Row("sensor", name).Rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string oursText = string.Join(' ', words[..^2]);
        string unit = AppText.UnitSymbol(sensor.Unit);
        if (sensor.RampStep == 0)
        {
            Assert.Equal(AppText.Scaled(linuxReading, sensor.Scale, unit), oursText);
            return;
        }
        // A ramping sensor moves one step per read, bouncing between its limits; two agents read it at different
        // moments of two daemons, so each reading must be a point of the ramp.
        var ramp = new List<long> { sensor.Minimum, sensor.Maximum };
        for (long v = sensor.Value; v <= sensor.Maximum; v += sensor.RampStep)
            ramp.Add(v);
        for (long v = sensor.Value; v >= sensor.Minimum; v -= sensor.RampStep)
            ramp.Add(v);
        Assert.Contains(linuxReading, ramp);
        Assert.Contains(oursText, ramp.Select(v => AppText.Scaled(v, sensor.Scale, unit)));
    }

    [LinuxTheory]
    [MemberData(nameof(SensorsWithAxes))]
    public async Task OurAgentShowsTheAxesLinuxHwmonLeavesOut(string name)
    {
        OurAgentReport ours = await OurAgent.ReportAsync();
        SensorDescription sensor = Run.Description.Sensors.Single(s => s.Name == name);
        int id = Run.Description.Sensors.ToList().IndexOf(sensor);
        // scmi-hwmon registers scalar sensors only: no label carries this name.
        Assert.DoesNotContain(Run.Console.Files("hwmon"), f => f.Value == name);
        // Linux's transport still carries the reading (raw mode): one {value, timestamp} pair of 64-bit words per axis.
        var reply = new ReplyReader(Run.Raw[$"sensor.{id}.reading-get"].Payload.ToArray());
        string linux = string.Join(", ", sensor.Axes.Select((axis, i) =>
            AppText.Scaled(unchecked((long)reply.U64(i * 16)), axis.Scale, AppText.UnitSymbol(axis.Unit))));
        string[] words = ours.Row("sensor", name).Rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(linux, string.Join(' ', words[..^2]));
        Assert.Equal(sensor.Axes.Count.ToString(), words[^1]);
    }
}
