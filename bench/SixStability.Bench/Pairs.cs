using System.Globalization;

namespace SixStability.Bench;

/// <summary>
/// Product and raw timings of each measure, one pair per cycle. The two take turns at going first (the raw first on odd
/// cycles), so neither always meets the Azurite the other has just warmed or loaded; a measure's figure is the median
/// of each side and their ratio.
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

    public (string Name, double Product, double Raw) Median(string name) =>
        (name, MedianOf(taken[name].Select(t => t.Product)), MedianOf(taken[name].Select(t => t.Raw)));

    /// <summary>Each pair's own ratio, in the order taken ("1.21 1.08 …").</summary>
    public string Ratios(string name) => string.Join(' ', taken[name].Select(t => (t.Product / t.Raw).ToString("F2", CultureInfo.InvariantCulture)));

    private static double MedianOf(IEnumerable<double> values)
    {
        double[] sorted = [.. values.Order()];
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
