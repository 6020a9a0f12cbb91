namespace SixStability.Core.Reports.Year;

/// <summary>
/// Builds a plan's <see cref="YearReview"/> from the standings of the year's cycles (Q1–Q4, any of them).
/// A unit's quarter comes from that cycle's summary, so the year agrees with each quarterly report;
/// the year score is the sum of the quarter scores. Ranking: year score, highest first; equal scores
/// share a rank and the next rank skips (1, 2, 2, 4: 并列 as a league table counts it), so no unit is
/// placed above another on a difference the rule does not make. Within a rank, units are listed by
/// kind (counties, parks, departments) and id, which says nothing about merit.
/// </summary>
public static class YearRecords
{
    public static YearReview Compile(string planId, int year, IReadOnlyList<QuarterStandings> quarters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(planId);
        ArgumentNullException.ThrowIfNull(quarters);
        if (quarters.Count == 0)
        {
            throw new ArgumentException("A year view needs at least one cycle.", nameof(quarters));
        }

        List<QuarterStandings> ordered = [.. quarters.OrderBy(q => q.Quarter.Number)];
        var rows = new Dictionary<string, (string Name, UnitKind? Kind, List<UnitQuarter> Quarters)>(StringComparer.Ordinal);
        foreach (QuarterStandings q in ordered)
        {
            foreach (UnitStanding u in q.Units)
            {
                if (u.Facts.Obligations == 0)
                {
                    continue;
                }

                if (!rows.TryGetValue(u.UnitId, out var row))
                {
                    row = rows[u.UnitId] = (u.Name, u.Kind, []);
                }

                // The latest quarter names the unit (a renamed unit reads as it is called now).
                rows[u.UnitId] = (u.Name, u.Kind ?? row.Kind, row.Quarters);
                row.Quarters.Add(Quarter(q, u));
            }
        }

        List<(string Id, string Name, UnitKind? Kind, decimal Score, List<UnitQuarter> Quarters)> scored = [.. rows
            .Select(r => (r.Key, r.Value.Name, r.Value.Kind, r.Value.Quarters.Sum(x => x.Score), r.Value.Quarters))
            .OrderByDescending(r => r.Item4)
            .ThenBy(r => KindOrder(r.Kind))
            .ThenBy(r => r.Key, StringComparer.Ordinal)];
        var units = new List<UnitYear>(scored.Count);
        for (int i = 0; i < scored.Count; i++)
        {
            int rank = i > 0 && scored[i].Score == scored[i - 1].Score ? units[i - 1].Rank : i + 1;
            units.Add(new UnitYear(rank, scored[i].Id, scored[i].Name, scored[i].Kind, scored[i].Score, scored[i].Quarters));
        }

        QuarterStandings last = ordered[^1];
        int quartersHeld = ordered.Count;
        return new YearReview(
            planId,
            last.PlanTitle,
            year,
            last.Reporter,
            ordered.Max(q => q.AsOf),
            [.. ordered.Select(q => new YearQuarter(q.Quarter.Number, q.CycleId, q.Open, q.AsOf))],
            units,
            YearMentionRule.Commended(units, quartersHeld),
            YearMentionRule.Accountable(units),
            YearMentionRule.Describe());
    }

    /// <summary>Part over whole in percent, one decimal; null when the whole is 0.</summary>
    public static decimal? Rate(int part, int whole) =>
        whole == 0 ? null : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);

    /// <summary>Counties, then parks, then departments: the order the city lists its units in.</summary>
    public static int KindOrder(UnitKind? kind) => kind switch
    {
        UnitKind.CountyGovernment => 0,
        UnitKind.ParkCommittee => 1,
        UnitKind.Department => 2,
        _ => 3,
    };

    private static UnitQuarter Quarter(QuarterStandings q, UnitStanding u)
    {
        UnitCycleFacts f = u.Facts;
        return new UnitQuarter(
            q.Quarter.Number,
            f.Obligations - f.Pending,
            f.OnTime,
            f.Late + f.Missing,
            f.Missing,
            f.HighestLevel,
            f.Returns,
            q.Accepted.GetValueOrDefault(u.UnitId),
            u.Score.Total,
            q.Open);
    }
}
