// Named values collected while a message is parsed or built, so a trace line can show them decoded.
using System.Text;

namespace ScmiPlatform.Scmi;

/// <summary>An ordered list of name=value pairs, capped so a long page does not flood the trace.</summary>
public sealed class TraceFields
{
    /// <summary>Pairs beyond this many are counted, not kept.</summary>
    public const int MaximumKept = 16;

    private readonly List<(string Name, string Value)> _fields = new();
    private int _omitted;

    /// <summary>Records an unsigned value in decimal, or hex when it reads better as bits.</summary>
    public void Add(string name, uint value, bool hex = false) => Add(name, hex ? $"0x{value:X}" : value.ToString());

    /// <summary>Records a signed value.</summary>
    public void Add(string name, int value) => Add(name, value.ToString());

    /// <summary>Records a 64-bit value.</summary>
    public void Add(string name, ulong value) => Add(name, value.ToString());

    /// <summary>Records a preformatted value.</summary>
    public void Add(string name, string value)
    {
        if (_fields.Count >= MaximumKept) { _omitted++; return; }
        _fields.Add((name, value));
    }

    /// <summary>True when nothing was recorded.</summary>
    public bool IsEmpty => _fields.Count == 0 && _omitted == 0;

    /// <summary>"a=1 b=2 (+3 more)".</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in _fields)
        {
            if (builder.Length > 0) builder.Append(' ');
            builder.Append(name).Append('=').Append(value);
        }
        if (_omitted > 0) builder.Append(builder.Length > 0 ? " " : "").Append($"(+{_omitted} more)");
        return builder.ToString();
    }
}
