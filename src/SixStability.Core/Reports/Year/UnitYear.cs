namespace SixStability.Core.Reports.Year;

/// <summary>A unit's record across the year: its quarters (those it owed reports in), the year's totals, score and rank.</summary>
/// <param name="Rank">1 for the highest year score; units with the same score share a rank and the next rank skips (1, 2, 2, 4).</param>
/// <param name="Kind">County government, park committee or department; null when the unit has left the directory.</param>
/// <param name="Quarters">One entry per quarter of the year in which the unit owed reports, in quarter order.</param>
public sealed record UnitYear(
    int Rank,
    string UnitId,
    string Name,
    UnitKind? Kind,
    decimal Score,
    IReadOnlyList<UnitQuarter> Quarters)
{
    public int Owed => Quarters.Sum(q => q.Owed);

    public int OnTime => Quarters.Sum(q => q.OnTime);

    public int LateTasks => Quarters.Sum(q => q.LateTasks);

    public int Missing => Quarters.Sum(q => q.Missing);

    public int Returns => Quarters.Sum(q => q.Returns);

    public int Accepted => Quarters.Sum(q => q.Accepted);

    public int HighestLevel => Quarters.Count == 0 ? 0 : Quarters.Max(q => q.HighestLevel);

    /// <summary>The year's on-time rate in percent (on time over owed, all quarters), one decimal; null when nothing was owed.</summary>
    public decimal? OnTimeRate => YearRecords.Rate(OnTime, Owed);

    /// <summary>The unit's record in quarter <paramref name="number"/> (1–4), or null when it owed nothing then or there was no cycle.</summary>
    public UnitQuarter? In(int number) => Quarters.FirstOrDefault(q => q.Quarter == number);
}
