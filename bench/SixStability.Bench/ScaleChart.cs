using System.Globalization;
using System.Text;

namespace SixStability.Bench;

/// <summary>
/// The scale bench's chart: product time ÷ raw time against N (log scale), one line per measure, with the issue's
/// targets as dashed lines. Plain SVG text, so the reader's browser draws the labels (no font needed here).
/// </summary>
internal static class ScaleChart
{
    private const double Width = 720, Height = 420, Left = 60, Right = 150, Top = 40, Bottom = 50;

    private static readonly Dictionary<string, string> Colours = new(StringComparer.Ordinal)
    {
        ["open"] = "#1f77b4",
        ["escalation"] = "#d62728",
        ["board"] = "#2ca02c",
        ["submit"] = "#9467bd",
        ["summary"] = "#ff7f0e",
    };

    /// <param name="csv">Lines of <c>n,name,product_seconds,raw_seconds,ratio</c> (a header first); several runs at one N are drawn as the median of their ratios.</param>
    public static string Svg(IEnumerable<string> csv)
    {
        // Several runs at one N (this machine is noisy) are drawn as their median ratio.
        Dictionary<(string Name, int N), double> points = csv.Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(','))
            .GroupBy(f => (Name: f[1], N: int.Parse(f[0], CultureInfo.InvariantCulture)), f => double.Parse(f[4], CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => Median([.. g]));

        int[] ns = [.. points.Keys.Select(k => k.N).Distinct().Order()];
        double minLog = Math.Log10(ns.Length > 0 ? ns[0] : 1000), maxLog = Math.Log10(ns.Length > 0 ? ns[^1] : 100000);
        if (maxLog - minLog < 1)
        {
            maxLog = minLog + 1;
        }

        double yMax = Math.Max(2.5, Math.Ceiling(points.Values.DefaultIfEmpty(0).Max() * 2) / 2);
        double X(int n) => Left + ((Math.Log10(n) - minLog) / (maxLog - minLog) * (Width - Left - Right));
        double Y(double ratio) => Height - Bottom - (ratio / yMax * (Height - Top - Bottom));
        var svg = new StringBuilder();
        string F(double v) => v.ToString("F1", CultureInfo.InvariantCulture);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"22\" font-size=\"14\">product time ÷ raw Table Storage time, by N obligations (scale bench)</text>\n");
        for (double r = 0; r <= yMax + 1e-9; r += 0.5)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{F(Width - Right)}\" y1=\"{F(Y(r))}\" y2=\"{F(Y(r))}\" stroke=\"#eee\"/><text x=\"{Left - 8}\" y=\"{F(Y(r) + 4)}\" text-anchor=\"end\">{r.ToString("0.0", CultureInfo.InvariantCulture)}</text>\n");
        }

        foreach (int n in ns)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(n))}\" y=\"{F(Height - Bottom + 18)}\" text-anchor=\"middle\">{n.ToString("N0", CultureInfo.InvariantCulture)}</text>\n");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F((Left + Width - Right) / 2)}\" y=\"{F(Height - 10)}\" text-anchor=\"middle\">N (log scale)</text>\n");
        foreach ((double target, string label) in new[] { (2.0, "escalation, submit, summary ≤ 2"), (1.25, "open ≤ 1/0.8"), (0.5, "") })
        {
            if (label.Length > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{F(Width - Right)}\" y1=\"{F(Y(target))}\" y2=\"{F(Y(target))}\" stroke=\"#999\" stroke-dasharray=\"4 4\"/><text x=\"{F(Width - Right - 4)}\" y=\"{F(Y(target) - 4)}\" text-anchor=\"end\" fill=\"#666\">{label}</text>\n");
            }
        }

        int row = 0;
        foreach (string name in points.Keys.Select(k => k.Name).Distinct())
        {
            string colour = Colours.GetValueOrDefault(name, "#333");
            var line = points.Where(p => p.Key.Name == name).OrderBy(p => p.Key.N).ToList();
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{string.Join(' ', line.Select(p => F(X(p.Key.N)) + "," + F(Y(p.Value))))}\"/>\n");
            foreach (var p in line)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(p.Key.N))}\" cy=\"{F(Y(p.Value))}\" r=\"3\" fill=\"{colour}\"><title>{name} N={p.Key.N}: {p.Value.ToString("F2", CultureInfo.InvariantCulture)}</title></circle>\n");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(Width - Right + 15)}\" y=\"{F(Top + 10 + (row * 20))}\" width=\"12\" height=\"12\" fill=\"{colour}\"/><text x=\"{F(Width - Right + 32)}\" y=\"{F(Top + 21 + (row * 20))}\">{name}</text>\n");
            row++;
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static double Median(double[] ratios)
    {
        Array.Sort(ratios);
        return ratios.Length % 2 == 1 ? ratios[ratios.Length / 2] : (ratios[(ratios.Length / 2) - 1] + ratios[ratios.Length / 2]) / 2;
    }
}
