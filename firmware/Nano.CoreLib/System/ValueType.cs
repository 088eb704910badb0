// Base of all value types.
namespace System;

public abstract class ValueType
{
}
