// Which crossings of a trip point raise SENSOR_TRIP_POINT_EVENT (SCMI DEN0056E §4.7.2.5, event control bits 1:0).
namespace Scmi.Protocols;

/// <summary>Event control of one trip point.</summary>
public enum SensorTripDirection : uint
{
    /// <summary>No events.</summary>
    Disabled = 0,
    /// <summary>Events when the value rises to or above the trip point.</summary>
    Ascending = 1,
    /// <summary>Events when the value falls below the trip point.</summary>
    Descending = 2,
    /// <summary>Both directions.</summary>
    Both = 3,
}
