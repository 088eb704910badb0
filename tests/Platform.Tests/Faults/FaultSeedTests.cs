// Every fault mode, made intermittent, repeats exactly under the same --seed and changes under another one:
// the transport suites rely on `--fault ... --seed N` giving the same run twice.
using System.Text;
using Platform.Tests.Protocols.Support;
using ScmiPlatform.Faults;
using ScmiPlatform.Protocols;
using ScmiPlatform.Scmi;
using Xunit;
using static Platform.Tests.Protocols.Support.ScmiMessages;

namespace Platform.Tests.Faults;

public sealed class FaultSeedTests
{
    private const uint LittlePll = 1;

    /// <summary>One example per fault mode, each striking about half of the commands it selects.</summary>
    public static TheoryData<string> EveryMode => new()
    {
        "delay=1ms..9ms~50%",
        "late=CLOCK.RATE_GET:30ms~50%",
        "reorder=5ms~50%",
        "duplicate~50%",
        "early~50%",
        "corrupt=token+msgid~50%",
        "short~50%",
        "flood=2~50%",
        "drop=CLOCK.RATE_GET~50%",
        "error=CLOCK.RATE_SET:BUSY~50%",
    };

    [Theory]
    [MemberData(nameof(EveryMode))]
    public void The_same_seed_gives_the_same_run_and_another_seed_another_run(string fault)
    {
        string first = Run(fault, seed: 7);
        Assert.Equal(first, Run(fault, seed: 7));
        Assert.NotEqual(first, Run(fault, seed: 8));
    }

    /// <summary>
    /// A fixed script (subscribe to rate changes, then alternate async CLOCK_RATE_SET and CLOCK_RATE_GET, one
    /// per millisecond) and everything the agent could observe: each reply's time, bytes and the number of
    /// eventq messages before it, then every eventq message in order.
    /// </summary>
    private static string Run(string fault, int seed)
    {
        var platform = new ModelHarness(faults: FaultOptions.FromTexts([fault], seed), eventBuffers: 10_000);
        var transcript = new StringBuilder();
        void Post(byte[] request) => platform.Model.OnCommand(new TestCommandSlot(request, 64, slot =>
        {
            lock (transcript)
                transcript.Append($"{platform.Scheduler.Now.TotalMilliseconds:0.000} after {platform.Events.Delivered.Count}: {Convert.ToHexString(slot.ReplyBytes)}\n");
        }));
        Post(Request(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateNotify, 1, LittlePll, 1));
        for (ushort token = 2; token < 80; token++)
        {
            ulong rate = 1_000_000_000 + (ulong)(token % 5) * 100_000_000;
            Post(token % 2 == 0
                ? Request(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateSet, token, ClockProtocol.AsyncFlag, LittlePll, Low(rate), High(rate))
                : Request(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateGet, token, LittlePll));
            platform.Scheduler.Advance(1);
        }
        platform.Scheduler.Advance(100);
        foreach (byte[] message in platform.Events.Delivered)
            transcript.Append($"event {Convert.ToHexString(message)}\n");
        return transcript.ToString();
    }
}
