namespace SixStability.Core.Reports.Year;

/// <summary>A unit's record in one quarter of the year.</summary>
/// <param name="Owed">Reports owed so far: submitted, or past their due day (an open cycle's reports not yet due are not owed yet).</param>
/// <param name="OnTime">Reports submitted by their due day.</param>
/// <param name="LateTasks">Reports submitted after their due day, or missing past it.</param>
/// <param name="Missing">Of <paramref name="LateTasks"/>, those never submitted (at the close) or still missing past their due day.</param>
/// <param name="HighestLevel">The highest escalation level it reached (1 黄, 2 橙, 3 红; 0 none).</param>
/// <param name="Returns">Times a report of it was returned (退回).</param>
/// <param name="Accepted">Reports the coordinator accepted (已审核).</param>
/// <param name="Score">The quarter's score under that cycle's rule (<see cref="ScoreRule"/>).</param>
/// <param name="Open">The quarter's cycle is still running (进行中).</param>
public sealed record UnitQuarter(
    int Quarter,
    int Owed,
    int OnTime,
    int LateTasks,
    int Missing,
    int HighestLevel,
    int Returns,
    int Accepted,
    decimal Score,
    bool Open)
{
    /// <summary>On-time rate in percent, one decimal; null when nothing was owed yet.</summary>
    public decimal? OnTimeRate => YearRecords.Rate(OnTime, Owed);
}
