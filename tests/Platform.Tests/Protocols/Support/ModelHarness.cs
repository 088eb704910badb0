// A platform model wired to in-test slots, an in-test eventq and a manual clock.
using Xunit;
using ScmiPlatform.Description;
using ScmiPlatform.Faults;
using ScmiPlatform.Scmi;
using ScmiPlatform.Trace;
using ScmiPlatform.Model;

namespace Platform.Tests.Protocols.Support;

/// <summary>Sends commands to a <see cref="ScmiPlatformModel"/> the way the queue service does.</summary>
public sealed class ModelHarness
{
    private ushort _nextToken = 1;

    public ModelHarness(PlatformDescription? description = null, FaultPlan? faults = null, bool p2a = true, int eventBuffers = 16, bool trace = false)
    {
        Description = description ?? DefaultDescription;
        Scheduler = new ManualScheduler();
        Trace = trace ? new MemoryTraceSink() : null;
        Model = ScmiPlatformModel.Create(Description, faults, Trace, Scheduler);
        Events = new TestEventQueue(p2a, eventBuffers);
        Model.Start(Events);
    }

    /// <summary>platforms/default.json as shipped next to the assembly.</summary>
    public static PlatformDescription DefaultDescription => PlatformDescriptionLoader.LoadFile(PlatformDescriptionLoader.DefaultPath);

    public PlatformDescription Description { get; }
    public ManualScheduler Scheduler { get; }
    public MemoryTraceSink? Trace { get; }
    public ScmiPlatformModel Model { get; }
    public TestEventQueue Events { get; }

    /// <summary>Posts a command and returns its slot without requiring completion.</summary>
    public TestCommandSlot Post(byte[] request, int replyCapacity = 128)
    {
        var slot = new TestCommandSlot(request, replyCapacity);
        Model.OnCommand(slot);
        return slot;
    }

    /// <summary>Sends one command; the model must complete it at once.</summary>
    public ScmiReply Send(ScmiProtocolId protocol, byte messageId, params uint[] parameters) =>
        SendWithCapacity(128, protocol, messageId, parameters);

    public ScmiReply SendWithCapacity(int replyCapacity, ScmiProtocolId protocol, byte messageId, params uint[] parameters)
    {
        ushort token = _nextToken++;
        var slot = Post(ScmiMessages.Request(protocol, messageId, token, parameters), replyCapacity);
        Assert.True(slot.IsCompleted, "the model must complete a command synchronously when no fault is configured");
        var reply = new ScmiReply(slot.ReplyBytes);
        Assert.True(reply.Length >= 8, "a reply is at least header + status");
        Assert.Equal(new ScmiHeader(messageId, ScmiMessageType.Command, (byte)protocol, token), reply.Header);
        if (reply.Status != ScmiStatus.Success) Assert.Equal(8, reply.Length); // error replies shrink to header + status
        return reply;
    }

    public ScmiStatus Status(ScmiProtocolId protocol, byte messageId, params uint[] parameters) => Send(protocol, messageId, parameters).Status;

    /// <summary>Eventq messages delivered so far.</summary>
    public IReadOnlyList<ScmiReply> Delivered => Events.Delivered.Select(b => new ScmiReply(b)).ToArray();
}
