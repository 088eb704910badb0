// The device reuses one command slot per descriptor head: reuse must never mix two chains' requests or replies.
using System.Buffers.Binary;
using Platform.Tests.Doubles;
using ScmiPlatform.Device;
using ScmiPlatform.Virtqueue;
using Xunit;

namespace Platform.Tests.Virtqueue;

public sealed class CommandSlotReuseTests
{
    [Fact]
    public void A_head_offered_again_while_its_chain_is_with_the_model_gets_a_slot_of_its_own()
    {
        var model = new DeferringModel();
        using var driver = new ScmiDriverDouble(model, queueSize: 8);
        ushort head = driver.Send([1, 0, 0, 0]);
        // A broken driver makes the same head available a second time while the device still owns the chain.
        driver.CommandQueue.MakeAvailable(head);
        driver.Kick(ScmiVirtioDevice.CommandQueueIndex);

        Assert.Equal(2, model.Pending.Count);
        Assert.NotSame(model.Pending[0], model.Pending[1]);
        model.Pending[0].Reply[0] = 0xA1;
        model.Pending[1].Reply[0] = 0xB2;
        model.Pending[0].Complete(1);
        model.Pending[1].Complete(1);

        // Two used elements, each with its own slot's reply byte (both name the head's one reply buffer).
        Assert.True(driver.CommandQueue.TryTakeUsed(out UsedElement first));
        Assert.Equal((head, 1u), (first.Id, first.Length));
        Assert.True(driver.CommandQueue.TryTakeUsed(out UsedElement second));
        Assert.Equal((head, 1u), (second.Id, second.Length));
        Assert.Equal(0xB2, driver.CommandQueue.ReadReply(head, 1)[0]);
        Assert.Equal(2, driver.Device.Counters.Completed);
    }

    [Fact]
    public void A_reused_slot_offers_a_zeroed_reply_area_and_only_the_new_request()
    {
        var model = new DeferringModel();
        using var driver = new ScmiDriverDouble(model, queueSize: 2);
        // Two descriptors: chains alternate between heads 0 and 1, so the third command reuses the first one's slot.
        ushort head = driver.Send([1, 2, 3, 4, 5, 6, 7, 8], replyCapacity: 16);
        ICommandSlot slot = model.Pending[0];
        slot.Reply.Fill(0xCC);
        slot.Complete(16);
        Assert.True(driver.TryReceive(out _, out _));
        Assert.NotEqual(head, driver.Send([0, 0, 0, 0], replyCapacity: 16));
        model.Pending[1].Complete(0);
        Assert.True(driver.TryReceive(out _, out _));

        Assert.Equal(head, driver.Send([9, 10, 11, 12], replyCapacity: 16));
        ICommandSlot reused = model.Pending[2];

        Assert.Same(slot, reused);
        Assert.Equal(new byte[] { 9, 10, 11, 12 }, reused.Request.ToArray());
        Assert.Equal(new byte[16], reused.Reply.ToArray());
        reused.Complete(0);
        // A second completion is refused, by a reused slot as by a fresh one, and returns nothing more.
        Assert.Throws<InvalidOperationException>(() => reused.Complete(0));
        Assert.True(driver.TryReceive(out _, out _));
        Assert.False(driver.TryReceive(out _, out _));
    }
}
