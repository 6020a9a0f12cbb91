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

    /// <summary>
    /// The indicator values after a save: each value given replaces the one before, a name in
    /// <paramref name="cleared"/> removes it, and one left empty keeps what was reported before —
    /// so a revision that leaves a box blank does not wipe the figure silently.
    /// </summary>
    public static IReadOnlyList<IndicatorReading> Merge(IReadOnlyList<IndicatorReading>? before, IReadOnlyList<IndicatorReading>? given, IReadOnlyCollection<string>? cleared)
    {
        var merged = new List<IndicatorReading>();
        foreach (IndicatorReading old in before ?? [])
        {
            if (!(cleared?.Contains(old.Name) ?? false) && !(given ?? []).Any(g => g?.Name == old.Name))
            {
                merged.Add(old);
            }
        }

        merged.AddRange((given ?? []).Where(g => g is not null));
        return merged;
    }
}

public sealed record IndicatorReading(string Name, decimal Value);
