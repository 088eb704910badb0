// Percentiles of a set of samples, sorted in place (heap sort: no allocation, no recursion).
using System;

namespace Bench;

internal static class Percentiles
{
    public static void Sort(Span<ulong> values)
    {
        int n = values.Length;
        for (int i = n / 2 - 1; i >= 0; i--)
            SiftDown(values, i, n);
        for (int end = n - 1; end > 0; end--)
        {
            Swap(values, 0, end);
            SiftDown(values, 0, end);
        }
    }

    /// <summary>The nearest-rank percentile of sorted <paramref name="sorted"/>: the smallest value with at least <paramref name="percent"/>% of samples at or below it.</summary>
    public static ulong Of(ReadOnlySpan<ulong> sorted, int percent)
    {
        int rank = (int)(((long)sorted.Length * percent + 99) / 100);
        return sorted[rank < 1 ? 0 : rank - 1];
    }

    private static void SiftDown(Span<ulong> values, int root, int count)
    {
        while (true)
        {
            int child = 2 * root + 1;
            if (child >= count)
                return;
            if (child + 1 < count && values[child + 1] > values[child])
                child++;
            if (values[root] >= values[child])
                return;
            Swap(values, root, child);
            root = child;
        }
    }

    private static void Swap(Span<ulong> values, int a, int b)
    {
        ulong kept = values[a];
        values[a] = values[b];
        values[b] = kept;
    }
}
