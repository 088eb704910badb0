// Boolean: the `bool` primitive.
namespace System;

public readonly struct Boolean
{
    private readonly bool m_value;

    public bool Equals(bool obj) => m_value == obj;

    /// <summary>Writes "True" or "False", as .NET does.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        ReadOnlySpan<char> text = m_value ? "True" : "False";
        if (text.TryCopyTo(destination)) { charsWritten = text.Length; return true; }
        charsWritten = 0;
        return false;
    }
}
