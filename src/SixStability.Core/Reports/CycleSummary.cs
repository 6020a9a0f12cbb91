using System.Text.Json.Serialization;
using SixStability.Core.Calendar;
using SixStability.Core.Plans;

namespace SixStability.Core.Reports;

/// <summary>
/// The quarterly summary for the municipal government (plan section 八): who reported, how the
/// indicators stand, which tasks are red/amber/green, who was late, whom to commend and whom to hold
/// accountable, and what changed since last quarter. One JSON form; HTML and .docx render it.
/// </summary>
/// <param name="Reporter">报送单位, the coordinator (市发改委).</param>
/// <param name="AsOf">The cycle day the figures stand at (the close day once closed).</param>
public sealed record CycleSummary(
    string CycleId,
    string PlanId,
    string PlanTitle,
    Quarter Quarter,
    string Reporter,
    DateOnly AsOf,
    bool Final,
    SummaryOverview Overview,
    IReadOnlyList<SectionSummary> Sections,
    IReadOnlyList<DeadlineSummary> Deadlines,
    IReadOnlyList<LateUnit> LateUnits,
    IReadOnlyList<UnitMention> Commended,
    IReadOnlyList<UnitMention> Accountable,
    QuarterChange? Change)
{
    [JsonIgnore]
    public IEnumerable<TaskSummary> Tasks => Sections.SelectMany(s => s.Tasks);
}

/// <param name="SubmissionRate">Submitted obligations in percent of all, one decimal.</param>
public sealed record SummaryOverview(
    int Units,
    int Tasks,
    int Obligations,
    int Submitted,
    int OnTime,
    int SubmittedLate,
    int Missing,
    decimal SubmissionRate,
    int Green,
    int Amber,
    int Red);

public sealed record SectionSummary(int Number, string Title, IReadOnlyList<TaskSummary> Tasks);

/// <param name="Reported">Units that submitted (names, plan order of their ids).</param>
/// <param name="Missing">Units that did not.</param>
/// <param name="Reasons">Why the task has its colour, in Chinese.</param>
public sealed record TaskSummary(
    int Number,
    string Title,
    string LeadUnit,
    IReadOnlyList<string> Reported,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> SubmittedLate,
    int OnTrack,
    int Behind,
    int Done,
    IReadOnlyList<IndicatorSummary> Indicators,
    Rag Status,
    IReadOnlyList<string> Reasons);

/// <param name="Value">The lead unit's reported value; null when not reported.</param>
/// <param name="Percent">Value in percent of the target, one decimal.</param>
/// <param name="ExpectedPercent">Where an annual target should stand by this quarter's end (25/50/75/100).</param>
/// <param name="OnTrack">Null when there is no value.</param>
/// <param name="PreviousValue">Last quarter's value, when there was a summary.</param>
public sealed record IndicatorSummary(
    string Name,
    decimal Target,
    string Unit,
    IndicatorDirection Direction,
    decimal? Value,
    decimal? Percent,
    decimal ExpectedPercent,
    bool? OnTrack,
    decimal? PreviousValue = null);

public sealed record DeadlineSummary(int Task, string TaskTitle, DateOnly Date, string Text, DeadlineState State);

public enum DeadlineState
{
    /// <summary>The lead unit reports the task 已完成.</summary>
    Met,

    /// <summary>Reported, but not 已完成.</summary>
    NotMet,

    /// <summary>The lead unit did not report.</summary>
    NotReported,
}

/// <param name="WorkingDaysLate">The most working days any of its reports was late (missing ones count to <see cref="CycleSummary.AsOf"/>).</param>
/// <param name="HighestLevel">The highest escalation level reached (1 黄, 2 橙, 3 红).</param>
public sealed record LateUnit(string UnitId, string Name, int WorkingDaysLate, int HighestLevel, int LateTasks, int MissingTasks);

public sealed record UnitMention(string UnitId, string Name, string Reason);

public sealed record QuarterChange(
    Quarter Previous,
    decimal SubmissionRateBefore,
    decimal SubmissionRateNow,
    int LateUnitsBefore,
    int LateUnitsNow,
    IReadOnlyList<TaskChange> Tasks);

public sealed record TaskChange(int Task, string Title, Rag Before, Rag Now);

/// <summary>Red / amber / green (红/黄/绿).</summary>
public enum Rag
{
    Green,
    Amber,
    Red,
}
