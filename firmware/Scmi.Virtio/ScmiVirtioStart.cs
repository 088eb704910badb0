// Why bringing up the SCMI virtio channel succeeded or stopped.
namespace Scmi.Virtio;

/// <summary>Outcome of <see cref="ScmiVirtioTransport.Create"/>; every refusal leaves the device reset or FAILED.</summary>
public enum ScmiVirtioStart
{
    /// <summary>The channel is live.</summary>
    Ok = 0,
    /// <summary>The device is not a virtio SCMI device (device id 32).</summary>
    NotScmi,
    /// <summary>VERSION_1 is required and the device is legacy or does not offer it.</summary>
    Version1Required,
    /// <summary>Initialisation failed (reset, features, FEATURES_OK); see the virtio result.</summary>
    InitializationFailed,
    /// <summary>A queue could not be set up (missing, in use, no memory).</summary>
    QueueSetUpFailed,
    /// <summary>The pool could not be allocated (the heap is exhausted or already sealed).</summary>
    OutOfMemory,
    /// <summary>The option values are out of range (payload size, queue sizes).</summary>
    InvalidOptions,
    /// <summary>DRIVER_OK was refused.</summary>
    StartFailed,
}
