// Reads one JSON object of a description file, naming every field it complains about by its path.
using System.Text.Json;

namespace ScmiPlatform.Description;

/// <summary>
/// Typed access to the members of one JSON object. Every member read is remembered, so
/// <see cref="RejectUnknownFields"/> can refuse misspelt names instead of silently ignoring them.
/// </summary>
internal sealed class JsonFieldReader
{
    private readonly JsonElement _element;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public JsonFieldReader(JsonElement element, string path)
    {
        Path = path;
        if (element.ValueKind != JsonValueKind.Object)
            throw new PlatformDescriptionException(path, $"must be an object, found {Describe(element)}");
        _element = element;
    }

    public string Path { get; }

    public string FieldPath(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    /// <summary>The raw member, marked as read; null when absent.</summary>
    public JsonElement? Raw(string name) => Get(name);

    public bool Has(string name) => _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public string RequiredString(string name, int maximumLength)
    {
        var value = Get(name) ?? throw Missing(name);
        return CheckString(value, name, maximumLength);
    }

    public string OptionalString(string name, string fallback, int maximumLength)
    {
        var value = Get(name);
        return value is null ? fallback : CheckString(value.Value, name, maximumLength);
    }

    public long OptionalInteger(string name, long fallback, long minimum, long maximum)
    {
        var value = Get(name);
        return value is null ? fallback : CheckInteger(value.Value, FieldPath(name), minimum, maximum);
    }

    public long RequiredInteger(string name, long minimum, long maximum)
    {
        var value = Get(name) ?? throw Missing(name);
        return CheckInteger(value, FieldPath(name), minimum, maximum);
    }

    public ulong RequiredUnsigned64(string name)
    {
        var value = Get(name) ?? throw Missing(name);
        return CheckUnsigned64(value, FieldPath(name));
    }

    public ulong? OptionalUnsigned64(string name)
    {
        var value = Get(name);
        return value is null ? null : CheckUnsigned64(value.Value, FieldPath(name));
    }

    public bool OptionalBoolean(string name, bool fallback)
    {
        var value = Get(name);
        if (value is null) return fallback;
        return value.Value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new PlatformDescriptionException(FieldPath(name), $"must be true or false, found {Describe(value.Value)}"),
        };
    }

    public JsonFieldReader? OptionalObject(string name)
    {
        var value = Get(name);
        return value is null ? null : new JsonFieldReader(value.Value, FieldPath(name));
    }

    /// <summary>The elements of an array member with their paths; an absent member is an empty list.</summary>
    public IReadOnlyList<(JsonElement Element, string Path)> OptionalArray(string name)
    {
        var value = Get(name);
        if (value is null) return Array.Empty<(JsonElement, string)>();
        if (value.Value.ValueKind != JsonValueKind.Array)
            throw new PlatformDescriptionException(FieldPath(name), $"must be an array, found {Describe(value.Value)}");
        var items = new List<(JsonElement, string)>();
        int index = 0;
        foreach (var item in value.Value.EnumerateArray()) items.Add((item, $"{FieldPath(name)}[{index++}]"));
        return items;
    }

    /// <summary>Refuses members that no reader asked for (typos would otherwise pass unnoticed).</summary>
    public void RejectUnknownFields()
    {
        foreach (var property in _element.EnumerateObject())
        {
            if (!_seen.Contains(property.Name))
                throw new PlatformDescriptionException(FieldPath(property.Name), "unknown field");
        }
    }

    public PlatformDescriptionException Error(string name, string problem) => new(FieldPath(name), problem);

    public static long CheckInteger(JsonElement value, string path, long minimum, long maximum)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out long number))
            throw new PlatformDescriptionException(path, $"must be an integer, found {Describe(value)}");
        if (number < minimum || number > maximum)
            throw new PlatformDescriptionException(path, $"must be between {minimum} and {maximum}, found {number}");
        return number;
    }

    public static ulong CheckUnsigned64(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetUInt64(out ulong number))
            throw new PlatformDescriptionException(path, $"must be a non-negative integer, found {Describe(value)}");
        return number;
    }

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"\"{value.GetString()}\"",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    private JsonElement? Get(string name)
    {
        _seen.Add(name);
        return _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
    }

    private string CheckString(JsonElement value, string name, int maximumLength)
    {
        if (value.ValueKind != JsonValueKind.String)
            throw new PlatformDescriptionException(FieldPath(name), $"must be a string, found {Describe(value)}");
        string text = value.GetString()!;
        if (text.Length == 0) throw new PlatformDescriptionException(FieldPath(name), "must not be empty");
        if (text.Length > maximumLength)
            throw new PlatformDescriptionException(FieldPath(name), $"must be at most {maximumLength} characters, found {text.Length}");
        foreach (char c in text)
        {
            if (c < 0x20 || c > 0x7E)
                throw new PlatformDescriptionException(FieldPath(name), "must be printable ASCII (SCMI names are ASCII)");
        }
        return text;
    }

    private PlatformDescriptionException Missing(string name) => new(FieldPath(name), "is required");
}
