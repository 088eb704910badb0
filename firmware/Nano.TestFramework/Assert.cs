// Assertions for on-target tests, shaped like nanoFramework.TestFramework's. There are no exceptions
// on target: a failing assertion writes its message into fixed storage and leaves the running test
// through Recovery.Escape; the runner then prints the test's result line. Nothing here allocates.
using System;
using System.Runtime.CompilerServices;

namespace Nano.TestFramework;

public static partial class Assert
{
    public static void IsTrue(bool condition, string? message = null, [CallerArgumentExpression(nameof(condition))] string? conditionExpression = null)
    {
        if (condition)
            return;
        Begin("Expected true, got false");
        End(message, conditionExpression);
    }

    public static void IsFalse(bool condition, string? message = null, [CallerArgumentExpression(nameof(condition))] string? conditionExpression = null)
    {
        if (!condition)
            return;
        Begin("Expected false, got true");
        End(message, conditionExpression);
    }

    public static void IsNull(object? value, string? message = null, [CallerArgumentExpression(nameof(value))] string? valueExpression = null)
    {
        if (value is null)
            return;
        Begin("Expected null, got an object");
        End(message, valueExpression);
    }

    public static void IsNotNull(object? value, string? message = null, [CallerArgumentExpression(nameof(value))] string? valueExpression = null)
    {
        if (value is not null)
            return;
        Begin("Expected an object, got null");
        End(message, valueExpression);
    }

    public static void AreSame(object? expected, object? actual, string? message = null, [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
    {
        if ((object?)expected == actual)
            return;
        Begin("Expected the same object, got a different one");
        End(message, actualExpression);
    }

    public static void AreNotSame(object? notExpected, object? actual, string? message = null, [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
    {
        if ((object?)notExpected != actual)
            return;
        Begin("Expected a different object, got the same one");
        End(message, actualExpression);
    }

    /// <summary>Fails the running test with <paramref name="message"/>.</summary>
    public static void Fail(string message)
    {
        FailureMessage.Clear();
        FailureMessage.Append(message);
        TestEscape.Leave(TestEscape.Failed);
    }

    /// <summary>Ends the running test as skipped, with <paramref name="message"/> as the reason.</summary>
    public static void SkipTest(string message)
    {
        FailureMessage.Clear();
        FailureMessage.Append(message);
        TestEscape.Leave(TestEscape.Skipped);
    }

    private static void Begin(string text)
    {
        FailureMessage.Clear();
        FailureMessage.Append(text);
    }

    private static void End(string? message, string? expression)
    {
        FailureMessage.AppendExpression(expression);
        FailureMessage.AppendUserMessage(message);
        TestEscape.Leave(TestEscape.Failed);
    }
}
