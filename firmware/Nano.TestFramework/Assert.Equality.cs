// Assert.AreEqual / AreNotEqual: one overload per primitive, so comparing never boxes and the
// message shows both values: "Expected <expected>, got <actual> (<caller's expression>)".
using System;
using System.Runtime.CompilerServices;

namespace Nano.TestFramework;

public static partial class Assert
{
    public static void AreEqual(sbyte expected, sbyte actual, string? message = null, [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
    {
        if (expected != actual)
            FailSignedNotEqual((long)expected, (long)actual, message, actualExpression);
    }

    public static void AreNotEqual(sbyte notExpected, sbyte actual, string? message = null, [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
    {
        if (notExpected == actual)
            FailSignedEqual((long)actual, message, actualExpression);
    }

    public static void AreEqual(short expected, short actual, string? message = null, [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
    {
        if (expected != actual)
            FailSignedNotEqual((long)expected, (long)actual, message, actualExpression);
    }

    public static void AreNotEqual(short notExpected, short actual, string? message = null, [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
    {
        if (notExpected == actual)
            FailSignedEqual((long)actual, message, actualExpression);
    }

    public static void AreEqual(int expected, int actual, string? message = null, [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
    {
        if (expected != actual)
            FailSignedNotEqual((long)expected, (long)actual, message, actualExpression);
    }

    public static void AreNotEqual(int notExpected, int actual, string? message = null, [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
    {
        if (notExpected == actual)
            FailSignedEqual((long)actual, message, actualExpression);
    }

    public static void AreEqual(long expected, long actual, string? message = null, [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
    {
        if (expected != actual)
            FailSignedNotEqual((long)expected, (long)actual, message, actualExpression);
    }

    public static void AreNotEqual(long notExpected, long actual, string? message = null, [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
    {
        if (notExpected == actual)
            FailSignedEqual((long)actual, message, actualExpression);
    }

    public static void AreEqual(nint expected, nint actual, string? message = null, [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
    {
        if (expected != actual)
            FailSignedNotEqual((long)expected, (long)actual, message, actualExpression);
    }

    public static void AreNotEqual(nint notExpected, nint actual, string? message = null, [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
    {
        if (notExpected == actual)
            FailSignedEqual((long)actual, message, actualExpression);
    }

    public static void AreEqual(byte expected, byte actual, string? message = null, [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
    {
        if (expected != actual)
            FailUnsignedNotEqual((ulong)expected, (ulong)actual, message, actualExpression);
    }

    public static void AreNotEqual(byte notExpected, byte actual, string? message = null, [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
    {
        if (notExpected == actual)
            FailUnsignedEqual((ulong)actual, message, actualExpression);
    }

    public static void AreEqual(ushort expected, ushort actual, string? message = null, [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
    {
        if (expected != actual)
            FailUnsignedNotEqual((ulong)expected, (ulong)actual, message, actualExpression);
    }

    public static void AreNotEqual(ushort notExpected, ushort actual, string? message = null, [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
    {
        if (notExpected == actual)
            FailUnsignedEqual((ulong)actual, message, actualExpression);
    }

    public static void AreEqual(uint expected, uint actual, string? message = null, [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
    {
        if (expected != actual)
            FailUnsignedNotEqual((ulong)expected, (ulong)actual, message, actualExpression);
    }

    public static void AreNotEqual(uint notExpected, uint actual, string? message = null, [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
    {
        if (notExpected == actual)
            FailUnsignedEqual((ulong)actual, message, actualExpression);
    }

    public static void AreEqual(ulong expected, ulong actual, string? message = null, [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
    {
        if (expected != actual)
            FailUnsignedNotEqual((ulong)expected, (ulong)actual, message, actualExpression);
    }

    public static void AreNotEqual(ulong notExpected, ulong actual, string? message = null, [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
    {
        if (notExpected == actual)
            FailUnsignedEqual((ulong)actual, message, actualExpression);
    }

    public static void AreEqual(nuint expected, nuint actual, string? message = null, [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
    {
        if (expected != actual)
            FailUnsignedNotEqual((ulong)expected, (ulong)actual, message, actualExpression);
    }

    public static void AreNotEqual(nuint notExpected, nuint actual, string? message = null, [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
    {
        if (notExpected == actual)
            FailUnsignedEqual((ulong)actual, message, actualExpression);
    }

    public static void AreEqual(bool expected, bool actual, string? message = null, [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
    {
        if (expected == actual)
            return;
        Begin("Expected ");
        FailureMessage.Append(expected);
        FailureMessage.Append(", got ");
        FailureMessage.Append(actual);
        End(message, actualExpression);
    }

    public static void AreNotEqual(bool notExpected, bool actual, string? message = null, [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
    {
        if (notExpected != actual)
            return;
        Begin("Expected anything but ");
        FailureMessage.Append(actual);
        End(message, actualExpression);
    }

    public static void AreEqual(char expected, char actual, string? message = null, [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
    {
        if (expected == actual)
            return;
        Begin("Expected ");
        AppendChar(expected);
        FailureMessage.Append(", got ");
        AppendChar(actual);
        End(message, actualExpression);
    }

    public static void AreNotEqual(char notExpected, char actual, string? message = null, [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
    {
        if (notExpected != actual)
            return;
        Begin("Expected anything but ");
        AppendChar(actual);
        End(message, actualExpression);
    }

    public static void AreEqual(string? expected, string? actual, string? message = null, [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
    {
        if (string.Equals(expected, actual))
            return;
        Begin("Expected ");
        FailureMessage.AppendQuoted(expected, expected is null);
        FailureMessage.Append(", got ");
        FailureMessage.AppendQuoted(actual, actual is null);
        End(message, actualExpression);
    }

    public static void AreNotEqual(string? notExpected, string? actual, string? message = null, [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
    {
        if (!string.Equals(notExpected, actual))
            return;
        Begin("Expected anything but ");
        FailureMessage.AppendQuoted(actual, actual is null);
        End(message, actualExpression);
    }

    public static void AreEqual(ReadOnlySpan<char> expected, ReadOnlySpan<char> actual, string? message = null, [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
    {
        if (expected.SequenceEqual(actual))
            return;
        Begin("Expected ");
        FailureMessage.AppendQuoted(expected, isNull: false);
        FailureMessage.Append(", got ");
        FailureMessage.AppendQuoted(actual, isNull: false);
        End(message, actualExpression);
    }

    public static void AreNotEqual(ReadOnlySpan<char> notExpected, ReadOnlySpan<char> actual, string? message = null, [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
    {
        if (!notExpected.SequenceEqual(actual))
            return;
        Begin("Expected anything but ");
        FailureMessage.AppendQuoted(actual, isNull: false);
        End(message, actualExpression);
    }

    // Out of line so the passing path of every overload stays a compare and a branch.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void FailSignedNotEqual(long expected, long actual, string? message, string? expression)
    {
        Begin("Expected ");
        FailureMessage.Append(expected);
        FailureMessage.Append(", got ");
        FailureMessage.Append(actual);
        End(message, expression);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void FailUnsignedNotEqual(ulong expected, ulong actual, string? message, string? expression)
    {
        Begin("Expected ");
        FailureMessage.Append(expected);
        FailureMessage.Append(", got ");
        FailureMessage.Append(actual);
        End(message, expression);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void FailSignedEqual(long actual, string? message, string? expression)
    {
        Begin("Expected anything but ");
        FailureMessage.Append(actual);
        End(message, expression);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void FailUnsignedEqual(ulong actual, string? message, string? expression)
    {
        Begin("Expected anything but ");
        FailureMessage.Append(actual);
        End(message, expression);
    }

    private static void AppendChar(char value)
    {
        FailureMessage.Append('\'');
        FailureMessage.Append(value);
        FailureMessage.Append('\'');
    }
}
