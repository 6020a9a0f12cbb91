using SixStability.Core.Notifications;
using SixStability.Core.Rules;

namespace SixStability.Core.Cycles;

/// <summary>
/// When a new due date (延期) is acceptable. One rule for the coordinator's extension, a unit's request
/// and the coordinator's approval of it: later than the unit's present due day, not before the
/// cycle's today; the reason at most <see cref="MaxReason"/> characters (required when a unit asks).
/// </summary>
public static class ExtensionRules
{
    public const int MaxReason = 500;
    public const string Summary = "延期的日期或理由有误。";

    /// <param name="due">The date asked for.</param>
    /// <param name="currentDue">The unit's present due day (the earliest of what it owes).</param>
    /// <param name="today">The cycle's own today (virtual for a demo).</param>
    /// <param name="reasonField">The field the reason came in (<c>reason</c>, or <c>note</c> for the coordinator's decision).</param>
    public static RuleViolation? Check(DateOnly? due, DateOnly currentDue, DateOnly today, string? reason, bool reasonRequired, string reasonField = "reason")
    {
        var errors = new List<FieldError>();
        if (due is not DateOnly asked)
        {
            errors.Add(new("due", "请填写新的截止日期（如 2020-10-20）。"));
        }
        else if (asked <= currentDue)
        {
            errors.Add(new("due", $"新的截止日期须晚于现在的截止日期（{ChineseDates.Full(currentDue)}）。"));
        }
        else if (asked < today)
        {
            errors.Add(new("due", $"新的截止日期不能早于今天（{ChineseDates.Full(today)}）。"));
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
}
