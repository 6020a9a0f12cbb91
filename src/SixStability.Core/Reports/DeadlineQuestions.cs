namespace SixStability.Core.Reports;

/// <summary>
/// Which dated deadlines a lead unit is asked about (是否按期完成) in a quarter: those of its task due
/// by the quarter's end that no earlier quarter reported met, so a met June deadline is not asked, nor
/// reported, again every quarter.
/// </summary>
public static class DeadlineQuestions
{
    public static IReadOnlyList<TaskDeadline> Asked(PlanTask? task, Quarter quarter, IReadOnlySet<DeadlineRef> metEarlier)
    {
        ArgumentNullException.ThrowIfNull(metEarlier);
        return task is null
            ? []
            : [.. task.Deadlines.Where(d => d.Date <= quarter.LastDay && !metEarlier.Contains(new DeadlineRef(task.Number, d.Date))).DistinctBy(d => d.Date)];
    }

    /// <summary>Deadlines reported met up to and including <paramref name="previous"/> (last quarter's summary).</summary>
    public static IReadOnlySet<DeadlineRef> MetBy(CycleSummary? previous) =>
        previous is null
            ? new HashSet<DeadlineRef>()
            : new HashSet<DeadlineRef>((previous.MetEarlier ?? []).Concat(previous.Deadlines.Where(d => d.State == DeadlineState.Met).Select(d => new DeadlineRef(d.Task, d.Date))));
}
