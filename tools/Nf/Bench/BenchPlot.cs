// The latency plot of ./nf bench (bench/latency.png): p50, p90 and p99 per configuration, on a log scale.
using System.Globalization;
using ScottPlot;

namespace Nf.Bench;

public static class BenchPlot
{
    private static readonly (string Percentile, Color Color)[] Percentiles =
    [
        ("p50", Colors.SteelBlue),
        ("p90", Colors.Orange),
        ("p99", Colors.FireBrick),
    ];

    /// <summary>
    /// One group of bars per (command, agent and completion, platform) that has latency figures: ours by interrupt and by
    /// polling, Linux's (raw mode, interrupt completion). Log scale: p99 on a shared
    /// machine can be a hundred times p50, and both must stay readable. Returns how many groups were drawn.
    /// </summary>
    public static int WriteLatency(BenchResults results, string pngPath)
    {
        var plot = new Plot();
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        int group = 0;
        foreach ((string key, string label) in BenchResults.Commands)
        {
            foreach (string mode in new[] { "irq", "poll", "linux" })
            {
                (string Run, string Platform)[] runs = mode == "linux"
                    ? [("linux", "model"), ("linux.null", "null")]
                    : [("timing", "model"), ("timing.null", "null")];
                foreach ((string run, string platform) in runs)
                {
                    string prefix = $"latency.{mode}.{key}";
                    if (results.Get(run, prefix + ".p50") is null)
                        continue;
                    double center = group * 4;
                    for (int i = 0; i < Percentiles.Length; i++)
                    {
                        double nanoseconds = results.Get(run, $"{prefix}.{Percentiles[i].Percentile}") ?? 0;
                        double micro = Math.Max(nanoseconds / 1000, 1);
                        bars.Add(new Bar { Position = center + i - 1, Value = Math.Log10(micro), FillColor = Percentiles[i].Color });
                    }
                    ticks.Add(new Tick(center, $"{label.Split(' ')[0]}\n{mode}, {platform}"));
                    group++;
                }
            }
        }
        if (group == 0)
            return 0;
        plot.Add.Bars(bars);
        foreach ((string percentile, Color color) in Percentiles)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = percentile, FillColor = color });
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = log => Math.Pow(10, log).ToString("N0", CultureInfo.InvariantCulture),
            IntegerTicksOnly = true,
        };
        plot.Axes.Left.Label.Text = "round trip (µs, log scale)";
        plot.Title($"SCMI round-trip latency: our agent (irq, poll) and Linux's{(results.Quick ? " (quick run)" : "")}");
        plot.Axes.SetLimitsY(0, bars.Max(b => b.Value) + 0.3);
        plot.Axes.Margins(bottom: 0);
        plot.SavePng(pngPath, Math.Max(900, group * 150), 600);
        return group;
    }
}
