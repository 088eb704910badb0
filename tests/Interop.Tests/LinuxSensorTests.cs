// Linux's scmi-hwmon against our sensor protocol: every sensor of a hwmon type appears with its label and value.
using Interop.Tests.Boot;
using ScmiPlatform.Description;
using Xunit;

namespace Interop.Tests;

[Collection(LinuxGuestCollection.Name)]
public sealed class LinuxSensorTests(LinuxGuestFixture fixture)
{
    private LinuxGuestRun Run => fixture.Run;

    /// <summary>DEN0056 §4.7.2.6 unit types scmi-hwmon exports, with its hwmon prefix and the unit's exponent offset
    /// (millidegrees, millivolts, milliamps; microwatts, microjoules: drivers/hwmon/scmi-hwmon.c).</summary>
    internal static readonly Dictionary<byte, (string Prefix, int Exponent)> HwmonTypes = new()
    {
        [2] = ("temp", 3), [5] = ("in", 3), [6] = ("curr", 3), [7] = ("power", 6), [8] = ("energy", 6),
    };

    /// <summary>Scalar sensors of a type scmi-hwmon exports.</summary>
    public static IEnumerable<object[]> HwmonSensors() =>
        DescriptionData.Names(d => d.Sensors.Where(s => HwmonTypes.ContainsKey(s.Unit) && s.Axes.Count == 0).Select(s => s.Name));

    [LinuxTheory]
    [MemberData(nameof(HwmonSensors))]
    public void LinuxHwmonShowsTheSensorWithItsValue(string name)
    {
        SensorDescription sensor = Run.Description.Sensors.Single(s => s.Name == name);
        IReadOnlyDictionary<string, string> files = Run.Console.Files("hwmon");
        string prefix = HwmonTypes[sensor.Unit].Prefix;
        string? label = files.FirstOrDefault(f => f.Value == sensor.Name && Path.GetFileName(f.Key).StartsWith(prefix) && f.Key.EndsWith("_label")).Key;
        Assert.True(label is not null, $"sensor '{sensor.Name}' has no {prefix}*_label in hwmon:\n" + string.Join('\n', Run.Console.Section("hwmon")));
        string input = label[..^"_label".Length] + "_input";
        Assert.True(files.TryGetValue(input, out string? text), $"{input} missing");
        Assert.True(long.TryParse(text, out long shown),
            $"reading {input} ('{sensor.Name}', {(sensor.AsyncRead ? "asynchronous" : "synchronous")} read) failed in Linux: it printed '{text}'");
        if (sensor.RampStep == 0)
        {
            Assert.Equal(HwmonValue(sensor, sensor.Value), shown);
        }
        else
        {
            Assert.InRange(shown, Math.Min(HwmonValue(sensor, sensor.Minimum), HwmonValue(sensor, sensor.Maximum)),
                Math.Max(HwmonValue(sensor, sensor.Minimum), HwmonValue(sensor, sensor.Maximum)));
        }
    }

    /// <summary>What scmi-hwmon shows for a reading: scaled by 10^(scale + unit exponent) in unsigned 64-bit arithmetic.</summary>
    private static long HwmonValue(SensorDescription sensor, long reading)
    {
        int scale = sensor.Scale + HwmonTypes[sensor.Unit].Exponent;
        ulong value = unchecked((ulong)reading);
        ulong factor = 1;
        for (int i = 0; i < Math.Abs(scale); i++)
            factor *= 10;
        return unchecked((long)(scale >= 0 ? value * factor : value / factor));
    }
}
