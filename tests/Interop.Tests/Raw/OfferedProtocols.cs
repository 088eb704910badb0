// Which protocols a description offers: a protocol with no resources is not offered (PlatformDescription's rule).
using ScmiPlatform.Description;

namespace Interop.Tests.Raw;

public static class OfferedProtocols
{
    /// <summary>The offered protocols other than base, ascending, as DISCOVER_LIST_PROTOCOLS must list them.</summary>
    public static IReadOnlyList<byte> Of(PlatformDescription d)
    {
        var offered = new List<byte>();
        if (d.PowerDomains.Count > 0) offered.Add(ProtocolNumber.PowerDomain);
        if (d.SystemPower is not null) offered.Add(ProtocolNumber.SystemPower);
        if (d.PerformanceDomains.Count > 0) offered.Add(ProtocolNumber.Performance);
        if (d.Clocks.Count > 0) offered.Add(ProtocolNumber.Clock);
        if (d.Sensors.Count > 0) offered.Add(ProtocolNumber.Sensor);
        if (d.ResetDomains.Count > 0) offered.Add(ProtocolNumber.ResetDomain);
        if (d.VoltageDomains.Count > 0) offered.Add(ProtocolNumber.VoltageDomain);
        if (d.PowerCapDomains.Count > 0) offered.Add(ProtocolNumber.PowerCapping);
        return offered;
    }
}
