// Base of all enums. HasFlag is left out on purpose: without the JIT expanding it, it boxes.
namespace System;

public abstract class Enum : ValueType
{
}
