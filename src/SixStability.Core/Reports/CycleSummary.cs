namespace SixStability.Core.Reports;

/// <summary>
/// The quarterly summary for the municipal government (plan section 八): what the units did and wrote,
/// how the indicators stand, which tasks are red/amber/green, who was late, whom to commend and whom
/// to hold accountable, and what changed since last quarter. One JSON form; HTML, .docx and the
/// report's layout (<see cref="Layout.ReportLayout"/>) are drawn from it. Parameters added after the
/// first release have defaults, so last quarter's stored JSON still reads.
/// </summary>
/// <param name="Reporter">报送单位, the coordinator (市发改委).</param>
/// <param name="AsOf">The cycle day the figures stand at (the close day once closed).</param>
/// <param name="Units">Every unit's record this cycle, with its score (a year view ranks these).</param>
/// <param name="MetEarlier">Dated deadlines reported met in an earlier quarter: not asked or listed again.</param>
/// <param name="Score">The score rule the commendations and accountabilities were decided by.</param>
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
    QuarterChange? Change,
    IReadOnlyList<UnitStanding>? Units = null,
    IReadOnlyList<DeadlineRef>? MetEarlier = null,
    ScoreRule? Score = null)
{
    [JsonIgnore]
    public IEnumerable<TaskSummary> Tasks => Sections.SelectMany(s => s.Tasks);
}

/// <param name="SubmissionRate">Submitted obligations in percent of all, one decimal.</param>
/// <param name="Pending">Tasks not rated yet: a preview before their due day, with no report in.</param>
/// <param name="LeadDue">The lead units' due day (the latest default due day); co-units are due before it.</param>
/// <param name="CoUnitDue">The co-units' due day when it differs from the lead units'.</param>
/// <param name="Accepted">Submitted reports the coordinator accepted as they stand (已审核).</param>
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
    int Red,
    int Pending = 0,
    DateOnly? LeadDue = null,
    DateOnly? CoUnitDue = null,
    int Accepted = 0);

public sealed record SectionSummary(int Number, string Title, IReadOnlyList<TaskSummary> Tasks);

/// <param name="Reported">Units that submitted (names, plan order of their ids).</param>
/// <param name="Missing">Units that did not.</param>
/// <param name="Reasons">Why the task has its colour, in Chinese.</param>
/// <param name="Accounts">What the units wrote: the lead unit's consolidated account (牵头单位汇总) when it
/// reported, else each reporting unit's condensed to its first sentences.</param>
/// <param name="OtherAccounts">Reporting units whose accounts are not repeated here (the .xlsx has them all).</param>
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
    IReadOnlyList<string> Reasons,
    IReadOnlyList<UnitAccount>? Accounts = null,
    int OtherAccounts = 0);

/// <param name="Value">The lead unit's reported value; null when not reported.</param>
/// <param name="Percent">Value in percent of the target, one decimal; null for a ceiling (压减至…以内).</param>
/// <param name="ExpectedPercent">What this quarter asks: N × 25 % of a cumulative target by quarter N, 100 % of a level.</param>
/// <param name="OnTrack">Null when there is no value.</param>
/// <param name="PreviousValue">Last quarter's value, when there was a summary.</param>
/// <param name="Ahead">Beyond what the quarter asks: above pace (cumulative), reached (level), within (at most).</param>
public sealed record IndicatorSummary(
    string Name,
    decimal Target,
    string Unit,
    IndicatorDirection Direction,
    decimal? Value,
    decimal? Percent,
    decimal ExpectedPercent,
    bool? OnTrack,
    decimal? PreviousValue = null,
    IndicatorKind Kind = IndicatorKind.Cumulative,
    bool Ahead = false,
    decimal? PreviousPercent = null);

/// <param name="Note">The lead unit's reason (未按期完成) or note (尚未到期).</param>
public sealed record DeadlineSummary(int Task, string TaskTitle, DateOnly Date, string Text, DeadlineState State, string? Note = null, string? LeadUnit = null);

/// <summary>A dated deadline of a task, by its date.</summary>
public sealed record DeadlineRef(int Task, DateOnly Date);

public enum DeadlineState
{
    /// <summary>The lead unit answers 已按期完成, or reports the whole task 已完成.</summary>
    Met,

    /// <summary>The lead unit answers 未按期完成 (with its reason).</summary>
    NotMet,

    /// <summary>The lead unit did not report, and its due day has passed.</summary>
    NotReported,

    /// <summary>The lead unit answers 尚未到期.</summary>
    NotDue,

    /// <summary>The lead unit reported without answering (a client written before the question existed).</summary>
    NotAnswered,

    /// <summary>A preview: the lead unit has not reported and is not due yet.</summary>
    Pending,
}

/// <param name="WorkingDaysLate">The most working days any of its reports was late (missing ones count to <see cref="CycleSummary.AsOf"/>).</param>
/// <param name="HighestLevel">The highest escalation level reached (1 黄, 2 橙, 3 红).</param>
public sealed record LateUnit(string UnitId, string Name, int WorkingDaysLate, int HighestLevel, int LateTasks, int MissingTasks);

/// <param name="Score">The unit's score under the cycle's rule.</param>
public sealed record UnitMention(string UnitId, string Name, string Reason, decimal? Score = null);

/// <summary>
/// What changed since last quarter, like with like: rates only between two final summaries, colours
/// only of tasks rated in both.
/// </summary>
public sealed record QuarterChange(
    Quarter Previous,
    decimal? SubmissionRateBefore,
    decimal? SubmissionRateNow,
    int? LateUnitsBefore,
    int? LateUnitsNow,
    IReadOnlyList<TaskChange> Tasks);

public sealed record TaskChange(int Task, string Title, Rag Before, Rag Now);

/// <summary>Red / amber / green (红/黄/绿), or not rated yet (a preview before anything is due).</summary>
public enum Rag
{
    Green,
    Amber,
    Red,
    Pending,
}
