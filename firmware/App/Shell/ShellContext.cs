// Everything a shell command may use: the agent, the transport and the protocol clients, built before the heap seal.
using App.Inventory;
using Scmi;
using Scmi.Protocols;
using Scmi.Virtio;

namespace App.Shell;

/// <summary>The program's SCMI side as the shell sees it. Built once during bring-up; commands only use it.</summary>
public sealed class ShellContext
{
    public ShellContext(ScmiAgent agent, ScmiVirtioTransport transport)
    {
        Agent = agent;
        Transport = transport;
        Clock = new ClockProtocol(agent);
        Performance = new PerformanceProtocol(agent);
        Sensor = new SensorProtocol(agent);
        Power = new PowerDomainProtocol(agent);
        Reset = new ResetDomainProtocol(agent);
        Voltage = new VoltageDomainProtocol(agent);
        PowerCap = new PowerCappingProtocol(agent);
    }

    public ScmiAgent Agent { get; }

    public ScmiVirtioTransport Transport { get; }

    /// <summary>The Base discovery answers, re-read by `info` and the inventory.</summary>
    public PlatformIdentity Identity { get; } = new PlatformIdentity();

    public ClockProtocol Clock { get; }
    public PerformanceProtocol Performance { get; }
    public SensorProtocol Sensor { get; }
    public PowerDomainProtocol Power { get; }
    public ResetDomainProtocol Reset { get; }
    public VoltageDomainProtocol Voltage { get; }
    public PowerCappingProtocol PowerCap { get; }

    /// <summary>Commands run since the shell started (stats).</summary>
    public ulong CommandsRun { get; set; }

    /// <summary>Discovers every client the platform lists (a client left undiscovered answers NOT_DISCOVERED). Context: thread.</summary>
    public void DiscoverClients()
    {
        if (Identity.Lists((byte)ScmiProtocolId.Clock))
            Report(Clock.Discover(), "clock");
        if (Identity.Lists((byte)ScmiProtocolId.Performance))
            Report(Performance.Discover(), "perf");
        if (Identity.Lists((byte)ScmiProtocolId.Sensor))
            Report(Sensor.Discover(), "sensor");
        if (Identity.Lists((byte)ScmiProtocolId.PowerDomain))
            Report(Power.Discover(), "power");
        if (Identity.Lists((byte)ScmiProtocolId.ResetDomain))
            Report(Reset.Discover(), "reset");
        if (Identity.Lists((byte)ScmiProtocolId.VoltageDomain))
            Report(Voltage.Discover(), "voltage");
        if (Identity.Lists((byte)ScmiProtocolId.PowerCapping))
            Report(PowerCap.Discover(), "cap");
    }

    private static void Report(ScmiResult result, string protocol)
    {
        if (!result.IsSuccess)
            ShellOutput.Failed(protocol, result);
    }
}
