// A platform-to-agent message (delayed response or notification) built for the eventq.

namespace ScmiPlatform.Scmi;

/// <summary>An eventq message: its bytes, its header and its decoded fields for the trace.</summary>
public sealed record PlatformMessage(byte[] Bytes, ScmiHeader Header, string Name, TraceFields Fields);
