// The platform's hot path allocates nothing per request once warm: the queue service, the device and the SCMI model.
using Platform.Tests.Doubles;
using Platform.Tests.Protocols.Support;
using ScmiPlatform.Device;
using ScmiPlatform.Model;
using ScmiPlatform.Protocols;
using ScmiPlatform.Scmi;
using ScmiPlatform.Virtqueue;
using Xunit;
using static Platform.Tests.Protocols.Support.ScmiMessages;

namespace Platform.Tests.Virtqueue;

/// <summary>
/// Each request goes through the real split queue, device adapter and model, from a driver double that itself
/// allocates nothing (<see cref="ScmiDriverDouble.TransactInto"/>); the bytes this thread allocated over many
/// requests after a warm-up must be zero. A closure, a boxed value, a LINQ iterator, a byte[] per reply or a
/// string built for a trace that is off shows up here as bytes per request.
/// </summary>
public sealed class SteadyStateAllocationTests
{
    private const int WarmUpRequests = 3_000;
    private const int MeasuredRequests = 2_000;

    public static TheoryData<string, byte[]> HotRequests() => new()
    {
        { "BASE PROTOCOL_VERSION", Request(ScmiProtocolId.Base, (byte)BaseMessage.ProtocolVersion, 1) },
        { "BASE PROTOCOL_ATTRIBUTES", Request(ScmiProtocolId.Base, (byte)BaseMessage.ProtocolAttributes, 2) },
        { "BASE PROTOCOL_MESSAGE_ATTRIBUTES", Request(ScmiProtocolId.Base, (byte)BaseMessage.ProtocolMessageAttributes, 3, (uint)BaseMessage.DiscoverVendor) },
        { "BASE DISCOVER_VENDOR", Request(ScmiProtocolId.Base, (byte)BaseMessage.DiscoverVendor, 4) },
        { "SENSOR READING_GET", Request(ScmiProtocolId.Sensor, (byte)SensorMessage.SensorReadingGet, 5, 0, 0) },
        { "CLOCK RATE_GET", Request(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateGet, 6, 0) },
        { "unknown protocol (NOT_SUPPORTED)", Request((ScmiProtocolId)0x7F, 0, 7) },
        { "unknown message (NOT_FOUND)", Request(ScmiProtocolId.Base, 0x7F, 8) },
    };

    [Theory]
    [MemberData(nameof(HotRequests))]
    public void A_command_answered_by_the_SCMI_model_allocates_nothing(string name, byte[] request)
    {
        var model = ScmiPlatformModel.Create(ModelHarness.DefaultDescription, scheduler: new TimerScheduler(e => throw e));
        using var driver = new ScmiDriverDouble(model, queueSize: 256);
        byte[] reply = new byte[128];
        int length = driver.TransactInto(request, reply);
        Assert.True(length >= ScmiHeader.ReplyPrefixSize, $"{name}: reply of {length} bytes");

        long bytes = AllocatedOver(driver, request, reply);

        Assert.True(bytes == 0, $"{name}: {bytes} bytes allocated over {MeasuredRequests} requests ({(double)bytes / MeasuredRequests:F1} per request)");
        Assert.Equal(MeasuredRequests + WarmUpRequests + 1, model.CommandsHandled);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_queue_service_and_device_allocate_nothing_per_request(bool eventIndex)
    {
        var features = ScmiDriverDouble.DefaultFeatures | (eventIndex ? VirtioFeatures.EventIndex : 0);
        using var driver = new ScmiDriverDouble(new NotSupportedModel(), features, queueSize: 256);
        byte[] request = Request(ScmiProtocolId.Base, (byte)BaseMessage.ProtocolVersion, 1);
        byte[] reply = new byte[128];

        long bytes = AllocatedOver(driver, request, reply);

        Assert.True(bytes == 0, $"{bytes} bytes allocated over {MeasuredRequests} requests ({(double)bytes / MeasuredRequests:F1} per request)");
        Assert.Equal(MeasuredRequests + WarmUpRequests, driver.Device.Counters.Completed);
    }

    private static long AllocatedOver(ScmiDriverDouble driver, byte[] request, byte[] reply)
    {
        for (int i = 0; i < WarmUpRequests; i++)
            driver.TransactInto(request, reply);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < MeasuredRequests; i++)
            driver.TransactInto(request, reply);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
