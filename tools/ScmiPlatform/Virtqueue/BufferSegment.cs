// One validated descriptor: a guest range known to lie inside guest memory.
namespace ScmiPlatform.Virtqueue;

/// <summary>One buffer of a chain after validation: inside a guest memory region, non-empty.</summary>
public readonly record struct BufferSegment(ulong Address, uint Length, bool IsDeviceWritable);
