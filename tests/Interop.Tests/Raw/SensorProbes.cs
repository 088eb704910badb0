// Sensor protocol probes (DEN0056 §4.7): descriptions and readings match the description.
using ScmiPlatform.Description;
using ScmiPlatform.Scmi;

namespace Interop.Tests.Raw;

public static class SensorProbes
{
    private const byte P = ProtocolNumber.Sensor;

    /// <summary>§4.7.2.10: an update interval is seconds (bits 20:5) times ten to a signed 5-bit exponent (bits 4:0).</summary>
    private static string IntervalSeconds(uint word)
    {
        uint seconds = word >> 5 & 0xFFFF;
        int exponent = (int)(word & 0x1F);
        if (exponent >= 16)
            exponent -= 32;
        return exponent == 0 ? seconds.ToString() : $"{seconds}e{exponent}";
    }

    public static IEnumerable<RawCheck> For(PlatformDescription d)
    {
        uint unknown = (uint)d.Sensors.Count;
        yield return new RawCheck("sensor.attributes.count", ScmiRequest.Words(P, CommonMessage.ProtocolAttributes), ScmiStatus.Success,
            "§4.7.2.3: bits 15:0 number of sensors")
        {
            Reply = r => Mismatch.Of("sensors", d.Sensors.Count, (int)(r.U32(0) & 0xFFFF)),
        };
        yield return new RawCheck("sensor.description-get", ScmiRequest.Words(P, SensorMessage.DescriptionGet, 0), ScmiStatus.Success,
            "§4.7.2.5: num_sensor_flags (11:0 returned, 31:16 remaining), then descriptors from sensor 0")
        {
            Reply = r =>
            {
                uint flags = r.U32(0);
                int returned = (int)(flags & 0xFFF), remaining = (int)(flags >> 16);
                return Mismatch.First(() => returned == 0 ? "no descriptor returned" : null,
                    () => Mismatch.Of("returned + remaining", d.Sensors.Count, returned + remaining),
                    () => Mismatch.Of("first sensor id", 0u, r.U32(4)),
                    () => ClockProbes.ShortName("first sensor name", d.Sensors[0].Name, r.Name(16)));
            },
        };
        yield return new RawCheck("sensor.description-get.past-end", ScmiRequest.Words(P, SensorMessage.DescriptionGet, unknown), ScmiStatus.InvalidParameters,
            "§4.7.2.5: a descriptor index past the last sensor answers INVALID_PARAMETERS");
        for (int id = 0; id < d.Sensors.Count; id++)
        {
            SensorDescription sensor = d.Sensors[id];
            int readings = Math.Max(1, sensor.Axes.Count);
            long expected = sensor.Axes.Count > 0 ? sensor.Axes[0].Value : sensor.Value;
            bool constant = sensor.RampStep == 0;
            yield return new RawCheck($"sensor.{id}.reading-get", ScmiRequest.Words(P, SensorMessage.ReadingGet, (uint)id, 0), ScmiStatus.Success,
                "§4.7.2.8: one reading (value, and from v3 a timestamp) per axis" + (constant ? ", equal to the description's value" : ""))
            {
                Reply = r => Mismatch.First(
                    () => r.Length == 8 || r.Length == 16 * readings ? null : $"return values length: expected 8 (v1/v2) or {16 * readings} (v3), got {r.Length}",
                    () => constant ? Mismatch.Of("reading", expected, (long)r.U64(0)) : null),
            };
        }
        for (int id = 0; id < d.Sensors.Count; id++)
        {
            IReadOnlyList<uint> intervals = d.Sensors[id].UpdateIntervalsSeconds;
            yield return new RawCheck($"sensor.{id}.list-update-intervals", ScmiRequest.Words(P, SensorMessage.ListUpdateIntervals, (uint)id, 0), ScmiStatus.Success,
                "§4.7.2.10: num_intervals_flags (11:0 returned, 12 segmented, 31:16 remaining), then intervals as seconds (20:5) × 10^exponent (4:0)")
            {
                AlsoAccepted = ScmiStatus.NotFound,
                Reply = r =>
                {
                    uint flags = r.U32(0);
                    int returned = (int)(flags & 0xFFF), remaining = (int)(flags >> 16);
                    return Mismatch.First(() => (flags & 1u << 12) != 0 ? "intervals described as a segment, the description lists them" : null,
                        () => Mismatch.Of("returned + remaining", intervals.Count, returned + remaining),
                        () => Mismatch.Of("intervals", string.Join(",", intervals.Take(returned)),
                            string.Join(",", Enumerable.Range(0, returned).Select(i => IntervalSeconds(r.U32(4 + 4 * i))))));
                },
            };
        }
        for (int id = 0; id < d.Sensors.Count; id++)
        {
            SensorDescription sensor = d.Sensors[id];
            yield return new RawCheck($"sensor.{id}.config-get", ScmiRequest.Words(P, SensorMessage.ConfigGet, (uint)id), ScmiStatus.Success,
                "§4.7.2.11: sensor_config, bit 0 set when the sensor is enabled")
            {
                AlsoAccepted = ScmiStatus.NotFound,
                Reply = r => Mismatch.First(() => Mismatch.Of("return values length", 4, r.Length), () => Mismatch.Of("enabled", sensor.Enabled, (r.U32(0) & 1) != 0)),
            };
            if (sensor.Axes.Count > 0)
            {
                yield return new RawCheck($"sensor.{id}.axis-description-get", ScmiRequest.Words(P, SensorMessage.AxisDescriptionGet, (uint)id, 0), ScmiStatus.Success,
                    "§4.7.2.9: num_axis_flags (5:0 returned, 31:26 remaining), then axis descriptors from axis 0 (id, attributes, name)")
                {
                    AlsoAccepted = ScmiStatus.NotFound,
                    Reply = r => Mismatch.First(() => (r.U32(0) & 0x3F) == 0 ? "no axis returned" : null,
                        () => Mismatch.Of("returned + remaining", sensor.Axes.Count, (int)(r.U32(0) & 0x3F) + (int)(r.U32(0) >> 26)),
                        () => Mismatch.Of("first axis id", 0u, r.U32(4)), () => ClockProbes.ShortName("first axis name", sensor.Axes[0].Name, r.Name(16))),
                };
            }
            if (sensor.TripPoints > 0)
            {
                // §4.7.2.7 trip_point_ev_ctrl: bits 11:4 trip point id, bits 1:0 event control (1 = on upward crossing).
                const uint UpwardCrossing = 1;
                uint valid = UpwardCrossing, pastLast = (uint)sensor.TripPoints << 4 | UpwardCrossing;
                yield return new RawCheck($"sensor.{id}.trip-point-config", ScmiRequest.Words(P, SensorMessage.TripPointConfig, (uint)id, valid, 0, 0), ScmiStatus.Success,
                    "§4.7.2.7: configuring trip point 0 succeeds")
                {
                    AlsoAccepted = ScmiStatus.NotFound,
                };
                yield return new RawCheck($"sensor.{id}.trip-point-config.past-last", ScmiRequest.Words(P, SensorMessage.TripPointConfig, (uint)id, pastLast, 0, 0),
                    ScmiStatus.InvalidParameters, "§4.7.2.7: a trip point id past the sensor's last answers INVALID_PARAMETERS")
                {
                    AlsoAccepted = ScmiStatus.NotFound,
                };
            }
        }
        yield return new RawCheck("sensor.reading-get.unknown-sensor", ScmiRequest.Words(P, SensorMessage.ReadingGet, unknown, 0), ScmiStatus.NotFound,
            "§4.7.2.8: a sensor id past the last answers NOT_FOUND");
        yield return new RawCheck("sensor.reading-get.reserved-flag", ScmiRequest.Words(P, SensorMessage.ReadingGet, 0, SensorMessage.ReadingReservedFlag),
            ScmiStatus.InvalidParameters, "§4.7.2.8: flags bits 31:1 are reserved; setting one answers INVALID_PARAMETERS");
        yield return new RawCheck("sensor.reading-get.short", ScmiRequest.Words(P, SensorMessage.ReadingGet, 0), ScmiStatus.ProtocolError,
            "a command shorter than its parameters answers PROTOCOL_ERROR");
        int asynchronous = Enumerable.Range(0, d.Sensors.Count).FirstOrDefault(i => d.Sensors[i] is { AsyncRead: true, RampStep: 0, Axes.Count: 0 }, -1);
        if (asynchronous >= 0)
        {
            yield return new RawCheck($"sensor.{asynchronous}.reading-get{RawCheck.AsyncSuffix}",
                ScmiRequest.Words(P, SensorMessage.ReadingGet, (uint)asynchronous, SensorMessage.ReadingAsyncFlag), ScmiStatus.Success,
                "§4.7.2.8: an asynchronous read replies with no return values, then SENSOR_READING_COMPLETE carries status, sensor_id and the reading")
            {
                Reply = r => Mismatch.Of("return values length", 0, r.Length),
                Delayed = r => Mismatch.First(() => Mismatch.Of("sensor_id", (uint)asynchronous, r.U32(0)),
                    () => Mismatch.Of("reading", d.Sensors[asynchronous].Value, (long)r.U64(4))),
            };
        }
        int updating = Enumerable.Range(0, d.Sensors.Count).FirstOrDefault(i => d.Sensors[i] is { RampStep: 0, Axes.Count: 0 } s && s.UpdateIntervalsSeconds.Min() <= 2, -1);
        if (updating >= 0)
        {
            uint sensorId = (uint)updating;
            long value = d.Sensors[updating].Value;
            yield return new RawCheck($"sensor.{updating}.continuous-update-notify{RawCheck.NotifySuffix}",
                ScmiRequest.Words(P, SensorMessage.ContinuousUpdateNotify, sensorId, 1), ScmiStatus.Success,
                "§4.7.2.14, §4.7.3.2: a subscribed sensor sends SENSOR_UPDATE (agent_id, sensor_id, readings) every update interval")
            {
                Notification = (SensorMessage.SensorUpdate, r => Mismatch.First(() => Mismatch.Of("sensor_id", sensorId, r.U32(4)),
                    () => Mismatch.Of("reading", value, (long)r.U64(8)))),
            };
            yield return new RawCheck($"sensor.{updating}.continuous-update-notify.off", ScmiRequest.Words(P, SensorMessage.ContinuousUpdateNotify, sensorId, 0),
                ScmiStatus.Success, "§4.7.2.14: unsubscribing succeeds");
        }
        int synchronousOnly = Enumerable.Range(0, d.Sensors.Count).FirstOrDefault(i => !d.Sensors[i].AsyncRead, -1);
        if (synchronousOnly >= 0)
        {
            yield return new RawCheck($"sensor.{synchronousOnly}.reading-get.async-unsupported",
                ScmiRequest.Words(P, SensorMessage.ReadingGet, (uint)synchronousOnly, SensorMessage.ReadingAsyncFlag), ScmiStatus.NotSupported,
                "§4.7.2.8: an asynchronous read of a sensor without asynchronous support answers NOT_SUPPORTED");
        }
    }
}
