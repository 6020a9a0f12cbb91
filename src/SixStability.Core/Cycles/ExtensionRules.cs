using SixStability.Core.Notifications;

namespace SixStability.Core.Cycles;

/// <summary>
/// When a new due date (延期) is acceptable. One rule for the coordinator's extension, a unit's request
/// and the coordinator's approval of it: later than the unit's present due day, not before the
/// cycle's today, no later than the policy's horizon after the default due day, and a date the
/// calendar can schedule reminders and escalation around; the reason at most <see cref="MaxReason"/>
/// characters (required when a unit asks).
/// </summary>
public static class ExtensionRules
{
    public const int MaxReason = 500;
    public const string Summary = "延期的日期或理由有误。";

    /// <param name="due">The date asked for.</param>
    /// <param name="currentDue">The unit's present due day (the earliest of what it owes).</param>
    /// <param name="today">The cycle's own today (virtual for a demo).</param>
    /// <param name="cycle">The cycle's frame, policy and calendar the new date must fit.</param>
    /// <param name="reasonField">The field the reason came in (<c>reason</c>, or <c>note</c> for the coordinator's decision).</param>
    public static RuleViolation? Check(DateOnly? due, DateOnly currentDue, DateOnly today, CycleTiming cycle, string? reason, bool reasonRequired, string reasonField = "reason")
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var errors = new List<FieldError>();
        if (CheckDate(due, currentDue, today, cycle) is { } date)
        {
            errors.Add(date);
        }

        errors.AddRange(CheckReason(reason, reasonRequired, reasonField)?.Errors ?? []);
        return errors.Count > 0 ? RuleViolation.Of(Summary, errors) : null;
    }

    /// <summary>The reason alone: a unit's (required) or the coordinator's note on a decision (optional).</summary>
    public static RuleViolation? CheckReason(string? reason, bool required, string field = "reason")
    {
        var errors = new List<FieldError>();
        TextRules.Check(reason, field, required ? "延期理由" : "说明", MaxReason, required, errors);
        return errors.Count > 0 ? RuleViolation.Of(Summary, errors) : null;
    }

    private static FieldError? CheckDate(DateOnly? due, DateOnly currentDue, DateOnly today, CycleTiming cycle)
    {
        if (due is not DateOnly asked)
        {
            return new("due", "请填写新的截止日期（如 2020-10-20）。");
        }

        if (asked <= currentDue)
        {
            return new("due", $"新的截止日期须晚于现在的截止日期（{ChineseDates.Full(currentDue)}）。");
        }

        if (asked < today)
        {
            return new("due", $"新的截止日期不能早于今天（{ChineseDates.Full(today)}）。");
        }

        return CheckBounds(asked, cycle) is { } outside ? new("due", outside) : null;
    }

    /// <summary>
    /// The limits any new due day must keep whoever sets it, checked again where the cycle applies it
    /// (a command can reach the orchestration without passing a route): within the horizon, on a day
    /// the calendar can count reminders and escalation around. Null when it does.
    /// </summary>
    public static string? CheckBounds(DateOnly due, CycleTiming cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        if (cycle.Horizon() is DateOnly horizon && due > horizon)
        {
            return $"新的截止日期不能晚于{ChineseDates.Full(horizon)}（本周期默认截止日后 {cycle.Policy.ExtensionHorizonWorkingDays} 个工作日）。";
        }

        return due < cycle.Frame.Open ? $"新的截止日期不能早于周期开启日（{ChineseDates.Full(cycle.Frame.Open)}）。" : cycle.CanSchedule(due);
    }
}
