// Delegate types exist so the compiler's type system is complete; creating delegates is not supported
// (use managed function pointers, delegate*<...>, instead).
namespace System;

public abstract class Delegate
{
}

public abstract class MulticastDelegate : Delegate
{
}
