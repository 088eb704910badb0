// The --fault/--seed syntax: every fault kind parses, and bad options are refused with a message that says why.
using ScmiPlatform.Faults;
using ScmiPlatform.Protocols;
using ScmiPlatform.Scmi;
using Xunit;

namespace Platform.Tests.Faults;

public sealed class FaultOptionsTests
{
    [Fact]
    public void Every_fault_kind_parses_from_the_command_line_with_the_seed()
    {
        var plan = FaultOptions.Parse([
            "--socket-path", "/tmp/x", "--fault", "delay=5ms..20ms", "--fault=late=BASE.PROTOCOL_VERSION:2000ms", "--fault", "reorder",
            "--fault", "duplicate", "--fault", "corrupt=token+msgid", "--fault", "short@CLOCK.*", "--fault", "flood=3",
            "--fault", "drop=CLOCK.RATE_GET", "--fault", "error=CLOCK.RATE_SET:BUSY", "--seed", "42"]);
        Assert.Equal(42, plan.Seed);
        Assert.Equal(9, plan.Rules.Count);
        var delay = Assert.IsType<DelayFault>(plan.Rules[0]);
        Assert.Equal((TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20)), (delay.Minimum, delay.Maximum));
        var late = Assert.IsType<LateFault>(plan.Rules[1]);
        Assert.Equal(new MessageSelector((byte)ScmiProtocolId.Base, (byte)BaseMessage.ProtocolVersion, "BASE.PROTOCOL_VERSION"), late.Scope);
        Assert.Equal(TimeSpan.FromSeconds(2), late.Delay);
        Assert.Equal(FaultOptions.DefaultReorderWindow, Assert.IsType<ReorderFault>(plan.Rules[2]).Window);
        Assert.IsType<DuplicateFault>(plan.Rules[3]);
        Assert.Equal(HeaderField.Token | HeaderField.MessageId, Assert.IsType<CorruptFault>(plan.Rules[4]).Fields);
        Assert.Equal((byte)ScmiProtocolId.Clock, Assert.IsType<ShortFault>(plan.Rules[5]).Scope.ProtocolId);
        Assert.Null(plan.Rules[5].Scope.MessageId);
        Assert.Equal(3, Assert.IsType<FloodFault>(plan.Rules[6]).Count);
        Assert.Equal((byte)ClockMessage.ClockRateGet, Assert.IsType<DropFault>(plan.Rules[7]).Scope.MessageId);
        var error = Assert.IsType<ErrorFault>(plan.Rules[8]);
        Assert.Equal(ScmiStatus.Busy, error.Status);
        Assert.Equal((byte)ClockMessage.ClockRateSet, error.Scope.MessageId);
    }

    [Theory]
    [InlineData("CLOCK.CLOCK_RATE_GET", 0x14, 0x6)]
    [InlineData("clock.rate_get", 0x14, 0x6)]
    [InlineData("0x14.6", 0x14, 0x6)]
    [InlineData("PERF.LEVEL_SET", 0x13, 0x7)]
    [InlineData("SENSOR.READING_GET", 0x15, 0x6)]
    [InlineData("POWERCAP.CAP_SET", 0x18, 0x5)]
    public void Selectors_accept_spec_names_short_names_and_numbers(string text, int protocol, int message)
    {
        var selector = MessageSelector.TryParse(text, out string? problem);
        Assert.Null(problem);
        Assert.Equal(((byte?)protocol, (byte?)message), (selector!.ProtocolId, selector.MessageId));
    }

    [Theory]
    [InlineData("drop=CLOCK.FOO", "unknown message \"FOO\"")]
    [InlineData("drop=GPU.RATE_GET", "unknown protocol \"GPU\"")]
    [InlineData("drop=CLOCK.NOTIFY", "ambiguous")]
    [InlineData("delay=fast", "not a duration")]
    [InlineData("delay=20ms..5ms", "below the lower")]
    [InlineData("corrupt=checksum", "cannot corrupt \"checksum\"")]
    [InlineData("flood=0", "between 1 and 10000")]
    [InlineData("error=CLOCK.RATE_SET:SUCCESS", "unknown status")]
    [InlineData("late=2000ms", "expected SELECTOR:VALUE")]
    [InlineData("explode", "unknown fault \"explode\"")]
    [InlineData("duplicate=2", "takes no value")]
    [InlineData("drop=CLOCK.RATE_GET~0%", "not a chance")]
    [InlineData("short~150%", "not a chance")]
    [InlineData("short~often", "not a chance")]
    public void Bad_faults_are_refused_saying_what_is_wrong(string fault, string expected)
    {
        var error = Assert.Throws<FaultOptionException>(() => FaultOptions.Parse(["--fault", fault]));
        Assert.Contains(expected, error.Message);
        Assert.Contains(expected, FaultOptions.Validate(fault));
    }

    [Fact]
    public void Seed_and_fault_options_need_values()
    {
        Assert.Throws<FaultOptionException>(() => FaultOptions.Parse(["--seed", "many"]));
        Assert.Throws<FaultOptionException>(() => FaultOptions.Parse(["--fault"]));
        Assert.True(FaultOptions.Parse(["--trace"]).IsEmpty);
    }

    [Fact]
    public void Command_line_faults_come_first_and_its_seed_wins_over_the_description()
    {
        var combined = FaultOptions.Parse(["--fault", "short", "--seed", "1"]).Combine(FaultOptions.FromTexts(["duplicate"], 7));
        Assert.Equal(1, combined.Seed);
        Assert.IsType<ShortFault>(combined.Rules[0]);
        Assert.IsType<DuplicateFault>(combined.Rules[1]);
    }

    [Fact]
    public void A_chance_suffix_makes_any_fault_intermittent()
    {
        var drop = FaultOptions.ParseRule("drop=CLOCK.RATE_GET~10%");
        Assert.IsType<DropFault>(drop);
        Assert.Equal(0.1, drop.Probability, 6);
        Assert.Equal("drop=CLOCK.RATE_GET~10%", drop.Describe());
        var corrupt = FaultOptions.ParseRule("corrupt=token@SENSOR.*~2.5%");
        Assert.Equal((byte)ScmiProtocolId.Sensor, corrupt.Scope.ProtocolId);
        Assert.Equal(0.025, corrupt.Probability, 6);
        Assert.Equal(1.0, FaultOptions.ParseRule("short").Probability);
    }
}
