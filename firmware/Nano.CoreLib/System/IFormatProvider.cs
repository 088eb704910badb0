// Present for .NET's TryFormat signatures; culture-specific formatting does not exist here (always invariant).
namespace System;

public interface IFormatProvider
{
}
