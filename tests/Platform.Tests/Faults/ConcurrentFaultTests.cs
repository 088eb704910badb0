// Real threads, real timers: commands from several threads with random delays and reordering all come back once.
using System.Buffers.Binary;
using Platform.Tests.Protocols.Support;
using ScmiPlatform.Faults;
using ScmiPlatform.Protocols;
using ScmiPlatform.Scmi;
using Xunit;
using ScmiPlatform.Model;

namespace Platform.Tests.Faults;

public sealed class ConcurrentFaultTests
{
    private const int Threads = 4;
    private const int CommandsPerThread = 150;

    [Fact]
    public void Every_command_completes_exactly_once_with_its_own_header_under_delay_and_reorder()
    {
        var faults = FaultOptions.FromTexts(["delay=0ms..3ms", "reorder=5ms", "duplicate"], 11);
        var model = ScmiPlatformModel.Create(ModelHarness.DefaultDescription, faults); // its own timers: deferred failures count as InternalErrors
        var events = new TestEventQueue(available: true, buffers: int.MaxValue);
        model.Start(events);
        using var allDone = new CountdownEvent(Threads * CommandsPerThread);
        var slots = new TestCommandSlot[Threads * CommandsPerThread];
        var workers = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            for (int i = 0; i < CommandsPerThread; i++)
            {
                int n = t * CommandsPerThread + i;
                ushort token = (ushort)(n & ScmiHeader.TokenMask);
                // Mix plain reads with async rate sets, whose delayed responses must follow their replies.
                byte[] request = n % 3 == 0
                    ? ScmiMessages.Request(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateSet, token, ClockProtocol.AsyncFlag, 1, (uint)(200_000_000 + (n % 16) * 100_000_000), 0)
                    : ScmiMessages.Request(ScmiProtocolId.Sensor, (byte)SensorMessage.SensorReadingGet, token, (uint)(n % 6), 0);
                slots[n] = new TestCommandSlot(request, 128, _ => allDone.Signal());
                model.OnCommand(slots[n]);
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        Assert.True(allDone.Wait(TimeSpan.FromSeconds(30)), $"{allDone.CurrentCount} commands never completed");

        foreach (var slot in slots)
        {
            Assert.Equal(1, slot.CompletionCount);
            Assert.Equal(BinaryPrimitives.ReadUInt32LittleEndian(slot.Request), BinaryPrimitives.ReadUInt32LittleEndian(slot.ReplyBytes));
            Assert.Equal((int)ScmiStatus.Success, BinaryPrimitives.ReadInt32LittleEndian(slot.ReplyBytes.AsSpan(4)));
        }
        int asyncCommands = slots.Length / 3 + (slots.Length % 3 == 0 ? 0 : 1);
        int DelayedCount() => events.Delivered.Count(b => new ScmiReply(b).Header.Type == ScmiMessageType.DelayedResponse);
        // A delayed response goes out just after its reply completes, possibly on another thread: allow it to land.
        SpinWait.SpinUntil(() => DelayedCount() >= 2 * asyncCommands, TimeSpan.FromSeconds(10));
        Assert.Equal(2 * asyncCommands, DelayedCount()); // duplicate: each delayed response twice
        Assert.Equal(0, model.InternalErrors);
    }
}
