// Type objects exist only because the JIT asks for them by name; there is no reflection, and typeof(...)
// does not compile (no Type.GetTypeFromHandle).
namespace System;

public abstract class Type
{
}

internal sealed class RuntimeType : Type
{
}
