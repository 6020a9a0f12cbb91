namespace SixStability.Core.Plans.Review;

/// <summary>
/// Finds what a name the directory does not know may mean: the same short form (市人力资源社会保障局 →
/// 市人社局), the unit's full name (景德镇市财政局), the name without its 市 prefix (财政局 → 市财政局), or a
/// name alike in most characters. Up to three, best first; the same directory always gives the same list.
/// </summary>
internal sealed class UnitSuggester
{
    private const int MaxSuggestions = 3;
    private const double MinLikeness = 0.55;
    private readonly List<Candidate> candidates = [];

    public UnitSuggester(UnitDirectory directory)
    {
        foreach (Unit u in directory.Units)
        {
            var forms = new List<string> { u.Name };
            forms.AddRange(u.Aliases ?? []);
            if (!string.IsNullOrWhiteSpace(u.FullName))
            {
                forms.Add(u.FullName);
                int city = u.FullName.IndexOf('市', StringComparison.Ordinal);
                if (city > 0 && city < u.FullName.Length - 1)
                {
                    forms.Add(u.FullName[city..]); // 景德镇市财政局 → 市财政局
                }
            }

            candidates.Add(new Candidate(u.Name, u.Id, null, forms));
        }

        foreach (UnitGroup g in directory.Groups)
        {
            candidates.Add(new Candidate(g.Name, null, g.Name, [g.Name, .. g.Aliases ?? []]));
        }
    }

    public IReadOnlyList<UnitSuggestion> Suggest(string name)
    {
        string canonical = UnitAbbreviations.Canonical(name);
        string core = UnitAbbreviations.Core(name);
        string normalized = NameNormalizer.Normalize(name);
        var scored = new List<(double Score, int Order, UnitSuggestion Suggestion)>();
        for (int i = 0; i < candidates.Count; i++)
        {
            Candidate c = candidates[i];
            (double score, string reason) = Best(c, normalized, canonical, core);
            if (score > 0)
            {
                scored.Add((score, i, new UnitSuggestion(c.Name, reason, c.UnitId, c.Group)));
            }
        }

        return [.. scored.OrderByDescending(s => s.Score).ThenBy(s => s.Order).Take(MaxSuggestions).Select(s => s.Suggestion)];
    }

    private static (double Score, string Reason) Best(Candidate c, string normalized, string canonical, string core)
    {
        (double Score, string Reason) best = (0, string.Empty);
        foreach (string form in c.Forms)
        {
            string f = NameNormalizer.Normalize(form);
            string fc = UnitAbbreviations.Canonical(form);
            (double, string) found =
                fc == canonical ? (1.0, form == c.Name ? $"简称相同（{c.Name}）" : $"与“{form}”是同一名称的全称与简称")
                : IsPrefixed(f, normalized) || IsPrefixed(fc, canonical) ? (0.9, $"少写了“{Prefix(f, normalized, fc, canonical)}”字")
                : IsPrefixed(normalized, f) || IsPrefixed(canonical, fc) ? (0.85, "多写了行政区划前缀")
                : (Likeness(core, UnitAbbreviations.Core(form)) is double l and >= MinLikeness ? l * 0.8 : 0, "名称相近");
            if (found.Item1 > best.Score)
            {
                best = found;
            }
        }

        return best;
    }

    /// <summary>Whether <paramref name="full"/> is <paramref name="name"/> with an administrative prefix (市财政局 / 财政局).</summary>
    private static bool IsPrefixed(string full, string name) =>
        full.Length == name.Length + 1 && full.EndsWith(name, StringComparison.Ordinal) && full[0] is '市' or '省' or '区' or '县';

    private static string Prefix(string f, string normalized, string fc, string canonical) =>
        IsPrefixed(f, normalized) ? f[0].ToString() : fc[0].ToString();

    /// <summary>Dice coefficient over character pairs: 1 for the same text, 0 for nothing in common.</summary>
    internal static double Likeness(string a, string b)
    {
        if (a.Length < 2 || b.Length < 2)
        {
            return a == b ? 1 : 0;
        }

        var pairs = new List<string>(a.Length);
        for (int i = 0; i < a.Length - 1; i++)
        {
            pairs.Add(a.Substring(i, 2));
        }

        int common = 0;
        for (int i = 0; i < b.Length - 1; i++)
        {
            int at = pairs.IndexOf(b.Substring(i, 2));
            if (at >= 0)
            {
                common++;
                pairs.RemoveAt(at);
            }
        }

        return 2.0 * common / (a.Length - 1 + b.Length - 1);
    }

    private sealed record Candidate(string Name, string? UnitId, string? Group, IReadOnlyList<string> Forms);
}
