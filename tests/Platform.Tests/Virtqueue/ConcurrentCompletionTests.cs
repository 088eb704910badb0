// Slots completed from other threads, out of order, while the driver keeps posting: nothing lost or mixed up.
using System.Buffers.Binary;
using Platform.Tests.Doubles;
using ScmiPlatform.Device;
using Xunit;

namespace Platform.Tests.Virtqueue;

public sealed class ConcurrentCompletionTests
{
    /// <summary>Completes each slot from the thread pool after a short random delay (delayed, reordered replies).</summary>
    private sealed class ThreadPoolModel : IScmiDeviceModel
    {
        public void Start(IEventQueue events) { }
        public void OnCommand(ICommandSlot slot)
        {
            int delay = Random.Shared.Next(0, 3);
            ThreadPool.QueueUserWorkItem(_ =>
            {
                if (delay > 0)
                    Thread.Sleep(delay);
                slot.Complete(NotSupportedModel.WriteStatusReply(slot.Request, slot.Reply, NotSupportedModel.NotSupported));
            });
        }
        public int OnMalformed(ReadOnlySpan<byte> request, Span<byte> reply) =>
            NotSupportedModel.WriteStatusReply(request, reply, NotSupportedModel.CommsError);
        public void OnEventBuffersAvailable() { }
        public void Reset() { }
    }

    [Fact]
    public void Thousands_of_out_of_order_completions_from_pool_threads_all_reach_the_right_chain()
    {
        using var driver = new ScmiDriverDouble(new ThreadPoolModel(), queueSize: 64);
        const int Total = 5000;
        var expectedHeader = new Dictionary<uint, uint>();
        int sent = 0, received = 0;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (received < Total)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {received} of {Total} replies arrived");
            while (sent < Total && driver.CommandQueue.FreeDescriptors >= 2)
            {
                uint header = (uint)sent & 0x0FFF_FFFF;
                ushort head = driver.CommandQueue.AddChain([BitConverter.GetBytes(header)], [16]);
                expectedHeader[head] = header;
                sent++;
            }
            driver.Kick(ScmiVirtioDevice.CommandQueueIndex);
            bool any = false;
            while (driver.TryReceive(out UsedElement used, out byte[] reply))
            {
                any = true;
                Assert.True(expectedHeader.Remove(used.Id, out uint header), $"used id {used.Id} was not in flight");
                Assert.Equal(8u, used.Length);
                Assert.Equal(header, BinaryPrimitives.ReadUInt32LittleEndian(reply));
                received++;
            }
            if (!any)
                Thread.Yield();
        }
        Assert.Equal(Total, driver.Device.Counters.Completed);
        Assert.Equal(0, driver.Device.Counters.DroppedCompletions);
        Assert.True(driver.Ram.CanariesIntact());
    }
}
