// The description loader: the shipped file loads completely, and each kind of mistake is refused naming its field.
using ScmiPlatform.Description;
using Xunit;

namespace Platform.Tests.Description;

public sealed class PlatformDescriptionLoaderTests
{
    private static PlatformDescriptionException Refused(string json) =>
        Assert.Throws<PlatformDescriptionException>(() => PlatformDescriptionLoader.Parse(json));

    [Fact]
    public void The_shipped_default_describes_every_protocol()
    {
        var description = PlatformDescriptionLoader.LoadFile(PlatformDescriptionLoader.DefaultPath);
        Assert.Equal("NfSilicon", description.Vendor);
        Assert.Equal(2, description.Agents.Count);
        Assert.True(description.PowerDomains.Count >= 2);
        Assert.NotNull(description.SystemPower);
        Assert.True(description.PerformanceDomains.Count >= 2);
        Assert.Contains(description.Clocks, c => c.Range is not null);
        Assert.Contains(description.Clocks, c => c.Rates is { Count: > 1 });
        Assert.True(description.Sensors.Count >= 4);
        Assert.Contains(description.Sensors, s => s.Axes.Count > 0);
        Assert.Contains(description.Sensors, s => s.TripPoints > 0);
        Assert.Equal(new byte[] { 2, 5, 6, 7 }, description.Sensors.Select(s => s.Unit).Where(u => u is 2 or 5 or 6 or 7).Distinct().Order());
        Assert.NotEmpty(description.ResetDomains);
        Assert.Contains(description.VoltageDomains, v => v.Range is not null);
        Assert.Contains(description.VoltageDomains, v => v.Levels is not null);
        Assert.NotEmpty(description.PowerCapDomains);
    }

    [Fact]
    public void A_minimal_file_takes_defaults_and_accepts_comments_and_trailing_commas()
    {
        var description = PlatformDescriptionLoader.Parse("""
            // only a clock
            { "clocks": [ { "name": "ref", "rates": [ 1000 ], }, ], }
            """);
        Assert.Equal("nf", description.Vendor);
        Assert.Equal(1u, description.CallerAgentId);
        Assert.Equal(1000ul, Assert.Single(description.Clocks).Rates![0]);
        Assert.Empty(description.Sensors);
        Assert.Null(description.SystemPower);
        Assert.Null(description.Seed);
    }

    [Theory]
    [InlineData("""{ "vendor": "A-vendor-name-too-long" }""", "vendor", "at most 15 characters")]
    [InlineData("""{ "vendor": 7 }""", "vendor", "must be a string")]
    [InlineData("""{ "colour": "red" }""", "colour", "unknown field")]
    [InlineData("""{ "callerAgentId": 3, "agents": [ { "name": "a" } ] }""", "callerAgentId", "between 1 and 1")]
    [InlineData("""{ "clocks": [ { "rates": [ 1 ] } ] }""", "clocks[0].name", "is required")]
    [InlineData("""{ "clocks": [ { "name": "c" } ] }""", "clocks[0].rates", "exactly one of")]
    [InlineData("""{ "clocks": [ { "name": "c", "rates": [ 5, 3 ] } ] }""", "clocks[0].rates[1]", "strictly ascending")]
    [InlineData("""{ "clocks": [ { "name": "c", "range": { "min": 10, "max": 5, "step": 1 } } ] }""", "clocks[0].range.max", "must not be below min")]
    [InlineData("""{ "clocks": [ { "name": "c", "range": { "min": 10, "max": 50, "step": 0 } } ] }""", "clocks[0].range.step", "above 0")]
    [InlineData("""{ "clocks": [ { "name": "c", "rates": [ 5 ], "initialRate": 6 } ] }""", "clocks[0].initialRate", "not a rate")]
    [InlineData("""{ "clocks": [ { "name": "c", "rates": [ 5 ], "enabled": "yes" } ] }""", "clocks[0].enabled", "true or false")]
    [InlineData("""{ "performanceDomains": [ { "name": "p", "levels": [] } ] }""", "performanceDomains[0].levels", "at least one")]
    [InlineData("""{ "performanceDomains": [ { "name": "p", "levels": [ { "level": 2 }, { "level": 1 } ] } ] }""", "performanceDomains[0].levels[1].level", "strictly ascending")]
    [InlineData("""{ "performanceDomains": [ { "name": "p", "levels": [ { "level": 1 }, { "level": 2 } ], "limits": { "min": 2, "max": 1 } } ] }""", "performanceDomains[0].limits.min", "must not exceed max")]
    [InlineData("""{ "performanceDomains": [ { "name": "p", "levels": [ { "level": 1 } ], "initialLevel": 3 } ] }""", "performanceDomains[0].initialLevel", "not one of the levels")]
    [InlineData("""{ "sensors": [ { "name": "s" } ] }""", "sensors[0].unit", "is required")]
    [InlineData("""{ "sensors": [ { "name": "s", "unit": "furlongs" } ] }""", "sensors[0].unit", "unknown unit")]
    [InlineData("""{ "sensors": [ { "name": "s", "unit": 300 } ] }""", "sensors[0].unit", "between 0 and 255")]
    [InlineData("""{ "sensors": [ { "name": "s", "unit": "volts", "scale": 16 } ] }""", "sensors[0].scale", "between -16 and 15")]
    [InlineData("""{ "sensors": [ { "name": "s", "unit": "volts", "value": 9, "max": 5 } ] }""", "sensors[0].value", "outside min..max")]
    [InlineData("""{ "sensors": [ { "name": "s", "unit": "volts", "tripPoints": 256 } ] }""", "sensors[0].tripPoints", "between 0 and 255")]
    [InlineData("""{ "sensors": [ { "name": "s", "unit": "volts", "axes": [ { "name": "x" } ] } ] }""", "sensors[0].axes[0].unit", "is required")]
    [InlineData("""{ "voltageDomains": [ { "name": "v", "levels": [ 1 ], "range": { "min": 1, "max": 2, "step": 1 } } ] }""", "voltageDomains[0].range", "exactly one of")]
    [InlineData("""{ "voltageDomains": [ { "name": "v", "range": { "min": 0, "max": 100, "step": 10 }, "initialLevel": 15 } ] }""", "voltageDomains[0].initialLevel", "not a level")]
    [InlineData("""{ "powerDomains": [ { "name": "p", "initialState": "dim" } ] }""", "powerDomains[0].initialState", "\"on\" or \"off\"")]
    [InlineData("""{ "powerCapDomains": [ { "name": "c", "minCap": 10, "maxCap": 5, "minPaiUs": 1, "maxPaiUs": 2 } ] }""", "powerCapDomains[0].maxCap", "between 10 and")]
    [InlineData("""{ "powerCapDomains": [ { "name": "c", "minCap": 10, "maxCap": 50, "capStep": 7, "initialCap": 20, "minPaiUs": 1, "maxPaiUs": 2 } ] }""", "powerCapDomains[0].initialCap", "multiple of capStep")]
    [InlineData("""{ "powerCapDomains": [ { "name": "c", "minCap": 1, "maxCap": 2, "minPaiUs": 1, "maxPaiUs": 2, "parentId": 0 } ] }""", "powerCapDomains[0].parentId", "another power capping domain")]
    [InlineData("""{ "resetDomains": [ { "name": "r", "latencyUs": -1 } ] }""", "resetDomains[0].latencyUs", "between 0 and")]
    [InlineData("""{ "systemPower": { "hibernate": true } }""", "systemPower.hibernate", "unknown field")]
    [InlineData("""{ "faults": [ "explode" ] }""", "faults[0]", "unknown fault")]
    [InlineData("""{ "faults": [ 3 ] }""", "faults[0]", "must be a string")]
    [InlineData("""{ "performancePowerUnit": "horsepower" }""", "performancePowerUnit", "milliwatts")]
    public void A_mistake_is_refused_naming_the_field(string json, string field, string problem)
    {
        var error = Refused(json);
        Assert.Equal(field, error.Field);
        Assert.Contains(problem, error.Problem);
        Assert.StartsWith(field + ": ", error.Message);
    }

    [Fact]
    public void Text_that_is_not_JSON_is_refused_with_its_line()
    {
        var error = Refused("{\n  \"vendor\": \"x\",\n  oops\n}");
        Assert.Equal("", error.Field);
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void A_missing_file_is_reported_as_a_value_by_TryLoadFile()
    {
        Assert.False(PlatformDescriptionLoader.TryLoadFile("/nonexistent/platform.json", out var description, out string? error));
        Assert.Null(description);
        Assert.Contains("cannot read", error);
        Assert.True(PlatformDescriptionLoader.TryLoadFile(PlatformDescriptionLoader.DefaultPath, out description, out error));
        Assert.NotNull(description);
    }

    [Fact]
    public void Faults_and_seed_in_the_file_are_kept()
    {
        var description = PlatformDescriptionLoader.Parse("""{ "faults": [ "delay=1ms..2ms", "drop=CLOCK.RATE_GET" ], "seed": 99 }""");
        Assert.Equal(2, description.Faults.Count);
        Assert.Equal(99, description.Seed);
    }
}
