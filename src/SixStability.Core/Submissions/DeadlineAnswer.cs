namespace SixStability.Core.Submissions;

/// <summary>
/// The lead unit's answer to 是否按期完成 for one dated deadline of its task (2020年6月底前…), so the
/// report says which were met instead of guessing it from the task's self-assessment.
/// </summary>
/// <param name="Date">The deadline's date as the plan gives it (the task's deadline with that date).</param>
/// <param name="Answer"><see cref="Met"/>, <see cref="Missed"/> (with a reason) or <see cref="NotDue"/>.</param>
public sealed record DeadlineAnswer(DateOnly Date, string Answer, string? Reason = null)
{
    public const string Met = "已按期完成";
    public const string Missed = "未按期完成";

    /// <summary>The time limit has not come for this unit yet (e.g. put back by a later document); a note says why.</summary>
    public const string NotDue = "尚未到期";

    public static IReadOnlyList<string> Answers { get; } = [Met, Missed, NotDue];
}
