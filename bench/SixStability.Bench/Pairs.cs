using System.Globalization;

namespace SixStability.Bench;

/// <summary>
/// Product and raw timings of each measure, one pair per cycle. The two take turns at going first (the raw first on odd
/// cycles), so neither always meets the Azurite the other has just warmed or loaded; a measure's figure is the median
/// of each side and of the pairs' ratios.
/// </summary>
internal sealed class Pairs(int count)
{
    private readonly Dictionary<string, List<(double Product, double Raw)>> taken = new(StringComparer.Ordinal);

    public async Task RunAsync(string name, int index, Func<Task<double>> product, Func<Task<double>> raw)
    {
        double p, r;
        if (index % 2 == 0)
        {
            p = await product();
            r = await raw();
        }
        else
        {
            r = await raw();
            p = await product();
        }

        if (!taken.TryGetValue(name, out List<(double Product, double Raw)>? list))
        {
            taken[name] = list = new List<(double Product, double Raw)>(count);
        }

        list.Add((p, r));
    }

    /// <summary>The median time of each side and the median of the pairs' own ratios (not the ratio of the medians: later cycles are slower on both sides).</summary>
    public (string Name, double Product, double Raw, double Ratio) Median(string name) =>
        (name, MedianOf(taken[name].Select(t => t.Product)), MedianOf(taken[name].Select(t => t.Raw)), MedianOf(taken[name].Select(t => t.Product / t.Raw)));

    /// <summary>Each pair's own ratio, in the order taken ("1.21 1.08 …").</summary>
    public string Ratios(string name) => string.Join(' ', taken[name].Select(t => (t.Product / t.Raw).ToString("F2", CultureInfo.InvariantCulture)));

    private static double MedianOf(IEnumerable<double> values)
    {
        double[] sorted = [.. values.Order()];
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
