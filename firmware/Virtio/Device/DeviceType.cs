// Virtio device type identifiers this firmware names (virtio 1.3 §5).
namespace Virtio;

/// <summary>The DeviceID register's meaning (virtio 1.3 §5, Device Types); unknown values stay numbers.</summary>
public enum DeviceType : uint
{
    /// <summary>An empty transport slot; never driven and never reported as an error (§4.2.2.2).</summary>
    Placeholder = 0,
    Network = 1,
    Block = 2,
    Console = 3,
    Entropy = 4,
    Balloon = 5,
    Scsi = 8,
    Gpu = 16,
    Input = 18,
    Vsock = 19,
    Crypto = 20,
    Scmi = 32,
}
