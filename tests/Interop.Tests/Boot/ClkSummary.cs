// Parses /sys/kernel/debug/clk/clk_summary (drivers/clk/clk.c clk_summary_show_one): name, enable, prepare,
// protect counts, rate, accuracy, phase, duty, hardware enable.
using System.Globalization;

namespace Interop.Tests.Boot;

/// <summary>One clock row of clk_summary.</summary>
public sealed record ClkSummaryRow(string Name, int EnableCount, int PrepareCount, ulong Rate)
{
    /// <summary>The clock rows of the section; header and consumer lines are skipped.</summary>
    public static IReadOnlyList<ClkSummaryRow> Parse(IEnumerable<string> lines)
    {
        var rows = new List<ClkSummaryRow>();
        foreach (string line in lines)
        {
            string[] f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length >= 5 && int.TryParse(f[1], out int enable) && int.TryParse(f[2], out int prepare) && int.TryParse(f[3], out _)
                && ulong.TryParse(f[4], NumberStyles.None, CultureInfo.InvariantCulture, out ulong rate))
            {
                rows.Add(new ClkSummaryRow(f[0], enable, prepare, rate));
            }
        }
        return rows;
    }
}
