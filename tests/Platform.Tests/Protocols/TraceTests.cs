// The --trace output: one decoded line per message with protocol and message names, fields, status and time spent.
using Platform.Tests.Protocols.Support;
using ScmiPlatform.Faults;
using ScmiPlatform.Protocols;
using ScmiPlatform.Scmi;
using Xunit;
using static Platform.Tests.Protocols.Support.ScmiMessages;

namespace Platform.Tests.Protocols;

public sealed class TraceTests
{
    [Fact]
    public void A_command_line_names_protocol_and_message_and_decodes_parameters_results_and_status()
    {
        var platform = new ModelHarness(trace: true);
        platform.Send(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateSet, 0, 1, 300_000_000, 0);
        platform.Send(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateGet, 1);
        platform.Send(ScmiProtocolId.Clock, (byte)ClockMessage.ClockAttributes, 99);
        var lines = platform.Trace!.Lines;
        Assert.Equal(3, lines.Count);
        Assert.Matches(@"A>P CLOCK\.CLOCK_RATE_SET tok=1 flags=0x0 clock_id=1 rate=300000000 => SUCCESS len=8 \(\d+\.\d{3} ms\)$", lines[0]);
        Assert.Contains("A>P CLOCK.CLOCK_RATE_GET tok=2 clock_id=1 => SUCCESS rate=300000000 len=16", lines[1]);
        Assert.Contains("CLOCK.CLOCK_ATTRIBUTES tok=3 clock_id=99 => NOT_FOUND len=8", lines[2]);
    }

    [Fact]
    public void Eventq_messages_faults_and_malformed_requests_are_traced()
    {
        var platform = new ModelHarness(faults: FaultOptions.FromTexts(["delay=3ms@BASE.*"], 1), trace: true, eventBuffers: 0);
        platform.Post(Request(ScmiProtocolId.Sensor, (byte)SensorMessage.SensorReadingGet, 5, 0, SensorProtocol.AsyncFlag));
        platform.Events.Buffers = 1;
        platform.Model.OnEventBuffersAvailable();
        platform.Post(Request(ScmiProtocolId.Base, (byte)BaseMessage.ProtocolVersion, 6));
        platform.Scheduler.Advance(3);
        platform.Post([1]);
        var lines = platform.Trace!.Lines;
        Assert.Contains(lines, l => l.Contains("P>A delayed SENSOR.SENSOR_READING_COMPLETE tok=5 status=SUCCESS sensor_id=0 sensor_value=45000"));
        Assert.Contains(lines, l => l.Contains("BASE.PROTOCOL_VERSION tok=6 => SUCCESS version=0x20000 len=12 (3.000 ms) [fault delayed=3ms]"));
        Assert.Contains(lines, l => l.Contains("A>P malformed len=1 (shorter than a header) => PROTOCOL_ERROR len=8"));
    }

    [Fact]
    public void A_long_page_is_cut_in_the_trace_not_in_the_reply()
    {
        var platform = new ModelHarness(trace: true);
        var reply = platform.Send(ScmiProtocolId.Performance, (byte)PerformanceMessage.PerformanceDescribeLevels, 1, 0);
        Assert.Equal(8 + 4 + 7 * 12, reply.Length);
        Assert.Contains($"(+{1 + 7 * 3 - ScmiPlatform.Scmi.TraceFields.MaximumKept} more)", platform.Trace!.Lines[0]);
    }
}
