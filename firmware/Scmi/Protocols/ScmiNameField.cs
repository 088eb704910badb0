// Copies a NUL-terminated SCMI name field (16-byte short names, 64-byte extended names) into a caller's span.
using System;

namespace Scmi.Protocols;

/// <summary>Name fields as SCMI sends them: ASCII, NUL-terminated within the field.</summary>
public static class ScmiNameField
{
    /// <summary>Short names in *_ATTRIBUTES and descriptors (SCMI DEN0056E §4.1.3: 16 bytes including the NUL).</summary>
    public const int ShortSize = 16;

    /// <summary>Extended names returned by *_NAME_GET (SCMI DEN0056E: 64 bytes including the NUL).</summary>
    public const int ExtendedSize = 64;

    /// <summary>
    /// Copies the name in <paramref name="field"/> (up to its NUL) into <paramref name="destination"/>,
    /// truncated to the destination, and returns the bytes copied; -1 when the field has no NUL
    /// (the caller answers <see cref="ScmiAgentError.ReplyInvalid"/>).
    /// </summary>
    public static int Copy(ReadOnlySpan<byte> field, Span<byte> destination)
    {
        int length = field.IndexOf((byte)0);
        // SCMI DEN0056E §4.1.3: names are NUL-terminated strings; one without a terminator is not a name.
        if (length < 0)
            return -1;
        int copied = Math.Min(length, destination.Length);
        field.Slice(0, copied).CopyTo(destination);
        return copied;
    }
}
