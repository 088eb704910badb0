// Exceptions exist so that code shared with the host (where they are thrown and caught) compiles here.
// On target nothing catches: a throw is a panic naming the exception type and its message.
namespace System;

public class Exception
{
    private readonly string? _message;

    public Exception() { }

    public Exception(string? message) { _message = message; }

    public Exception(string? message, Exception? innerException)
    {
        _message = message;
        InnerException = innerException;
    }

    public virtual string Message => _message ?? "";

    public Exception? InnerException { get; }
}

public class SystemException : Exception
{
    public SystemException() { }
    public SystemException(string? message) : base(message) { }
    public SystemException(string? message, Exception? innerException) : base(message, innerException) { }
}

public class ArgumentException : SystemException
{
    public ArgumentException() { }
    public ArgumentException(string? message) : base(message) { }
    public ArgumentException(string? message, string? paramName) : base(message) { ParamName = paramName; }
    public virtual string? ParamName { get; }
}

public class ArgumentNullException : ArgumentException
{
    public ArgumentNullException() { }
    public ArgumentNullException(string? paramName) : base("Value cannot be null.", paramName) { }
    public ArgumentNullException(string? paramName, string? message) : base(message, paramName) { }
}

public class ArgumentOutOfRangeException : ArgumentException
{
    public ArgumentOutOfRangeException() { }
    public ArgumentOutOfRangeException(string? paramName) : base("Specified argument was out of the range of valid values.", paramName) { }
    public ArgumentOutOfRangeException(string? paramName, string? message) : base(message, paramName) { }
}

public class InvalidOperationException : SystemException
{
    public InvalidOperationException() { }
    public InvalidOperationException(string? message) : base(message) { }
    public InvalidOperationException(string? message, Exception? innerException) : base(message, innerException) { }
}

public class NotSupportedException : SystemException
{
    public NotSupportedException() { }
    public NotSupportedException(string? message) : base(message) { }
}

public class NotImplementedException : SystemException
{
    public NotImplementedException() { }
    public NotImplementedException(string? message) : base(message) { }
}

public class FormatException : SystemException
{
    public FormatException() { }
    public FormatException(string? message) : base(message) { }
}

public sealed class IndexOutOfRangeException : SystemException
{
    public IndexOutOfRangeException() { }
    public IndexOutOfRangeException(string? message) : base(message) { }
}

public class ArithmeticException : SystemException
{
    public ArithmeticException() { }
    public ArithmeticException(string? message) : base(message) { }
}

public class OverflowException : ArithmeticException
{
    public OverflowException() { }
    public OverflowException(string? message) : base(message) { }
}

public class DivideByZeroException : ArithmeticException
{
    public DivideByZeroException() { }
    public DivideByZeroException(string? message) : base(message) { }
}

public class NullReferenceException : SystemException
{
    public NullReferenceException() { }
    public NullReferenceException(string? message) : base(message) { }
}

public class InvalidCastException : SystemException
{
    public InvalidCastException() { }
    public InvalidCastException(string? message) : base(message) { }
}
