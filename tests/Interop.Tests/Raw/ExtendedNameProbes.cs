// The *_NAME_GET messages (DEN0056 v3.2): resources whose names do not fit the 16-byte fields of their
// attributes replies must return the full name, u32 flags then a 64-byte NUL-terminated string.
using ScmiPlatform.Description;
using ScmiPlatform.Scmi;

namespace Interop.Tests.Raw;

public static class ExtendedNameProbes
{
    /// <summary>DEN0056 §4.1.1: names longer than 15 characters need the extended name message.</summary>
    private const int ShortNameCharacters = 15;

    public static IEnumerable<RawCheck> For(PlatformDescription d)
    {
        foreach (RawCheck check in Long(d.PowerDomains.Select(x => x.Name), ProtocolNumber.PowerDomain, PowerDomainMessage.NameGet)) yield return check;
        foreach (RawCheck check in Long(d.PerformanceDomains.Select(x => x.Name), ProtocolNumber.Performance, PerformanceMessage.NameGet)) yield return check;
        foreach (RawCheck check in Long(d.Clocks.Select(x => x.Name), ProtocolNumber.Clock, ClockMessage.NameGet)) yield return check;
        foreach (RawCheck check in Long(d.Sensors.Select(x => x.Name), ProtocolNumber.Sensor, SensorMessage.NameGet)) yield return check;
        foreach (RawCheck check in Long(d.ResetDomains.Select(x => x.Name), ProtocolNumber.ResetDomain, ResetMessage.NameGet)) yield return check;
        foreach (RawCheck check in Long(d.VoltageDomains.Select(x => x.Name), ProtocolNumber.VoltageDomain, VoltageMessage.NameGet)) yield return check;
        foreach (RawCheck check in Long(d.PowerCapDomains.Select(x => x.Name), ProtocolNumber.PowerCapping, PowerCapMessage.NameGet)) yield return check;
    }

    private static IEnumerable<RawCheck> Long(IEnumerable<string> names, byte protocol, byte message)
    {
        int id = 0;
        foreach (string name in names)
        {
            if (name.Length > ShortNameCharacters)
            {
                yield return new RawCheck($"{ProtocolNumber.Short(protocol)}.{id}.name-get", ScmiRequest.Words(protocol, message, (uint)id), ScmiStatus.Success,
                    "*_NAME_GET: u32 flags, then the full name in 64 bytes")
                {
                    Reply = r => Mismatch.First(() => Mismatch.Of("return values length", 68, r.Length), () => Mismatch.Of("name", name, r.Name(4, 64))),
                };
            }
            id++;
        }
    }
}
