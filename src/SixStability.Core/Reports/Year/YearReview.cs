namespace SixStability.Core.Reports.Year;

/// <summary>
/// A plan's year at a glance (section 八's 表扬 and 问责 are decided on it): each unit's quarters, its year
/// score and rank, and the units to commend and to hold accountable, each with its reason in Chinese.
/// </summary>
/// <param name="Reporter">报送单位, the coordinator (from the latest quarter's summary).</param>
/// <param name="AsOf">The latest day the figures stand at (the last quarter's close day, or today while it runs).</param>
/// <param name="Quarters">The year's cycles read, in quarter order.</param>
/// <param name="Units">Every unit that owed reports, ranked (ties in unit-kind and id order).</param>
/// <param name="Rule">How the commendations and accountabilities were chosen, in one sentence.</param>
public sealed record YearReview(
    string PlanId,
    string PlanTitle,
    int Year,
    string Reporter,
    DateOnly AsOf,
    IReadOnlyList<YearQuarter> Quarters,
    IReadOnlyList<UnitYear> Units,
    IReadOnlyList<YearMention> Commended,
    IReadOnlyList<YearMention> Accountable,
    string Rule)
{
    /// <summary>True while any of the year's cycles is still running: the ranking is not final.</summary>
    public bool InProgress => Quarters.Any(q => q.Open);
}

/// <summary>A quarter of the year that has a cycle.</summary>
/// <param name="Open">进行中: the cycle runs, its figures stand at <paramref name="AsOf"/>.</param>
public sealed record YearQuarter(int Number, string CycleId, bool Open, DateOnly AsOf)
{
    public string Label(int year) => new Quarter(year, Number).ChineseName + (Open ? "（进行中）" : string.Empty);
}

/// <param name="Reason">Why, for the reader: 四个季度均按时报送，无退回，16份报告均经审核通过.</param>
public sealed record YearMention(string UnitId, string Name, int Rank, decimal Score, string Reason);
