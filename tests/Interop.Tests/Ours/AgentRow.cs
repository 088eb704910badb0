// One row of an App inventory table: "  id  name<padded to column 46>cells separated by two or more spaces".
using System.Text.RegularExpressions;

namespace Interop.Tests.Ours;

/// <summary>A table row as firmware/App/Inventory prints it (Names.Column = 46: the name fills columns 6..45).</summary>
public sealed partial record AgentRow(int Id, string Name, IReadOnlyList<string> Cells, string Rest)
{
    /// <summary>firmware/App/Inventory/Names.cs: where the column after a table's name starts.</summary>
    public const int NameColumn = 46;

    /// <summary>The row of <paramref name="line"/>, or null for a count or header line.</summary>
    public static AgentRow? Parse(string line)
    {
        if (line.Length <= 6 || !line.StartsWith("  ", StringComparison.Ordinal) || !int.TryParse(line.AsSpan(2, 4).Trim(), out int id))
            return null;
        string name = line.Length > NameColumn ? line[6..NameColumn].Trim() : line[6..].Trim();
        string rest = line.Length > NameColumn ? line[NameColumn..].Trim() : "";
        return new AgentRow(id, name, CellGap().Split(rest), rest);
    }

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex CellGap();
}
