namespace SixStability.Core.Submissions;

/// <summary>
/// The part of a submission the summary counts: the unit's self-assessment (按进度推进 / 滞后 / 已完成)
/// and, from the lead unit, the task's indicator values and its answers on dated deadlines. The text is
/// kept beside it (<see cref="ReportText"/>) and in the revision history.
/// </summary>
public sealed record ReportedFigures(string Status, IReadOnlyList<IndicatorReading> Readings, IReadOnlyList<DeadlineAnswer>? Deadlines = null)
{
    public const string OnTrack = "按进度推进";
    public const string Behind = "滞后";
    public const string Done = "已完成";

    public static IReadOnlyList<string> Statuses { get; } = [OnTrack, Behind, Done];
}

public sealed record IndicatorReading(string Name, decimal Value);
