// A domain's name for tables: the extended name when the platform has one, else the short one.
using System;
using App.Format;
using Scmi;

namespace App.Inventory;

/// <summary>Appends names copied out of replies (at most 64 bytes, SCMI DEN0056E §4.x *_NAME_GET).</summary>
public static class Names
{
    /// <summary>The longest name: the extended name field's 64 bytes.</summary>
    public const int MostBytes = 64;

    /// <summary>Where the column after a table's name starts: room for names up to 39 characters.</summary>
    public const int Column = 46;

    /// <summary>The start of every table's header line, up to <see cref="Column"/>.</summary>
    public const string Header = "  id  name                                    ";

    /// <summary>Appends <paramref name="name"/>, or "?" when it is empty; pads to <paramref name="column"/>.</summary>
    public static void Append(ref LineBuilder line, ReadOnlySpan<byte> name, int column)
    {
        if (name.Length == 0)
            line.Append('?');
        else
            line.AppendAscii(name);
        line.PadTo(column);
    }

    /// <summary>Appends the status of a failed query in place of a value ("[NOT_FOUND]").</summary>
    public static void AppendFailure(ref LineBuilder line, ScmiResult result)
    {
        line.Append('[');
        line.Append(ScmiStatusNames.Describe(result));
        line.Append(']');
    }
}
