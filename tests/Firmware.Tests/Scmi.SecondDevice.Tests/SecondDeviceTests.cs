// Two virtio SCMI devices on the board: the first is the channel, the second is refused.
using Nano.TestFramework;
using Scmi.Transport.Tests;
using Scmi.Virtio;

namespace Scmi.SecondDevice.Tests;

[TestClass]
public class SecondDeviceTests
{
    [Setup]
    public static void BringUp() => Channel.Up();

    [TestMethod]
    public static void The_second_SCMI_device_is_refused_and_the_first_serves()
    {
        Assert.AreEqual(1, Channel.RefusedDevices, "second device refused");
        Assert.IsTrue(Channel.Transport!.IsReady, "the first device is the channel");
        Channel.AssertOk(Channel.BaseVersion(poll: false), "served by interrupt");
        Channel.AssertOk(Channel.BaseVersion(poll: true), "served by polling");
        Channel.AssertNothingAllocated();
    }
}
