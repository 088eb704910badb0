// Small helpers that turn a comparison into the text of a failed expectation (null when it holds).
namespace Interop.Tests.Raw;

public static class Mismatch
{
    /// <summary>"WHAT: expected E, got A", or null when equal.</summary>
    public static string? Of<T>(string what, T expected, T actual) =>
        EqualityComparer<T>.Default.Equals(expected, actual) ? null : $"{what}: expected {expected}, got {actual}";

    /// <summary>The first non-null of several checks.</summary>
    public static string? First(params Func<string?>[] checks)
    {
        foreach (Func<string?> check in checks)
        {
            if (check() is { } problem)
                return problem;
        }
        return null;
    }
}
