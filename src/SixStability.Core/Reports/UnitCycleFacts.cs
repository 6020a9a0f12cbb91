namespace SixStability.Core.Reports;

/// <summary>What one unit did in one cycle: what the score is counted from (a year view reads it per quarter).</summary>
/// <param name="Obligations">Reports it owed.</param>
/// <param name="Late">Reports it submitted after its due day.</param>
/// <param name="Missing">Reports missing and due (at close: never submitted).</param>
/// <param name="Pending">Reports not in yet whose due day has not come (a preview).</param>
/// <param name="WorkingDaysLate">Working days late summed over its reports (a missing one counts to the summary's day).</param>
/// <param name="HighestLevel">The highest escalation level it reached (1 黄, 2 橙, 3 红).</param>
/// <param name="Returns">Times a report of it was returned (退回) for revision.</param>
/// <param name="IndicatorsAhead">Indicators of the tasks it leads that are ahead of pace, reached or within their ceiling.</param>
/// <param name="DeadlinesMet">Dated deadlines of the tasks it leads that it answered 已按期完成 (or reported the task done).</param>
public sealed record UnitCycleFacts(
    string UnitId,
    int Obligations,
    int Submitted,
    int OnTime,
    int Late,
    int Missing,
    int Pending,
    int WorkingDaysLate,
    int HighestLevel,
    int Returns,
    int IndicatorsAhead,
    int DeadlinesMet)
{
    /// <summary>Reports of it the coordinator accepted as they stand (已审核); a property, so facts stored before it still read.</summary>
    public int Accepted { get; init; }
}
