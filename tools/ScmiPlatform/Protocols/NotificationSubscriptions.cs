// Which notifications the agent enabled, per notification kind and resource (domain, clock, sensor...).
namespace ScmiPlatform.Protocols;

/// <summary>The set of (notification id, resource id) pairs the agent asked for.</summary>
public sealed class NotificationSubscriptions
{
    private readonly HashSet<(byte Notification, uint Resource)> _enabled = new();

    /// <summary>Enables or disables one notification for one resource.</summary>
    public void Set(byte notificationId, uint resourceId, bool enable)
    {
        if (enable) _enabled.Add((notificationId, resourceId));
        else _enabled.Remove((notificationId, resourceId));
    }

    /// <summary>True when the agent enabled this notification for this resource.</summary>
    public bool IsEnabled(byte notificationId, uint resourceId) => _enabled.Contains((notificationId, resourceId));

    /// <summary>Every enabled pair, for fault floods.</summary>
    public IEnumerable<(byte Notification, uint Resource)> All => _enabled;
}
