using SixStability.Core.Reports;

namespace SixStability.Core.Cycles;

/// <summary>
/// When a cycle's steps happen, in working days counted from the quarter's end and from the due day.
/// The default is the coordinator's routine; every number can be configured.
/// </summary>
public sealed record CyclePolicy
{
    public static readonly CyclePolicy Default = new();

    /// <summary>The cycle opens on this working day after the quarter ends.</summary>
    public int OpenWorkingDay { get; init; } = 1;

    /// <summary>Reports are due on this working day after the quarter ends.</summary>
    public int DueWorkingDay { get; init; } = 5;

    /// <summary>
    /// Co-units (配合单位) are due this many working days before the lead unit (牵头单位), so the lead
    /// can read their reports and write the task's consolidated account by its own due day.
    /// </summary>
    public int CoUnitWorkingDaysBeforeLead { get; init; } = 1;

    /// <summary>How each unit's cycle is scored for commendation and accountability.</summary>
    public ScoreRule Score { get; init; } = ScoreRule.Default;

    /// <summary>Reminders this many working days before the due day (0 = on the due day).</summary>
    public IReadOnlyList<int> ReminderWorkingDaysBeforeDue { get; init; } = [3, 1, 0];

    /// <summary>Escalation level n fires this many working days after the due day (黄/橙/红).</summary>
    public IReadOnlyList<int> EscalationWorkingDaysAfterDue { get; init; } = [1, 3, 5];

    /// <summary>The cycle closes this many working days after the due day.</summary>
    public int CloseWorkingDaysAfterDue { get; init; } = 7;

    /// <summary>The latest a unit's due day may be extended to: this many working days after the cycle's default due day.</summary>
    public int ExtensionHorizonWorkingDays { get; init; } = 120;

    public TimeOnly OpenAt { get; init; } = new(9, 0);

    public TimeOnly ReminderAt { get; init; } = new(9, 0);

    public TimeOnly DueAt { get; init; } = new(18, 0);

    public TimeOnly EscalationAt { get; init; } = new(9, 0);

    public TimeOnly CloseAt { get; init; } = new(18, 0);
}
