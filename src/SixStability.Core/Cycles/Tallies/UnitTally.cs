namespace SixStability.Core.Cycles.Tallies;

/// <summary>
/// One unit's counts in a cycle, kept as its obligations change: the board totals them, filters units on them
/// and builds the timeline from their due days without reading any obligation.
/// </summary>
/// <param name="Level">The highest escalation level any of its tasks reached.</param>
/// <param name="Due">Its earliest due day.</param>
/// <param name="Dues">Every due day its obligations carry (more than one after an extension left submitted tasks on the old day).</param>
public sealed record UnitTally(CycleCounts Counts, int Level, DateOnly Due, IReadOnlyList<DateOnly> Dues)
{
    /// <summary>What the board's 只看逾期或未报送 keeps: something still owed, or something reported late.</summary>
    public bool NeedsAttention => Counts.Owed > 0 || Counts.Late > 0;

    /// <summary>Each task's state, by task; null for a tally written before they were kept (the board then reads the unit's marks).</summary>
    public IReadOnlyList<TaskStanding>? Tasks { get; init; }

    public static UnitTally Of(IReadOnlyCollection<ObligationMark> marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        if (marks.Count == 0)
        {
            throw new ArgumentException("A unit in a cycle owes at least one task.", nameof(marks));
        }

        int owed = marks.Count(m => m.IsOwed);
        var counts = new CycleCounts(
            marks.Count,
            owed,
            marks.Count - owed,
            marks.Count(m => m.Late),
            marks.Count(m => m.Level == 1),
            marks.Count(m => m.Level == 2),
            marks.Count(m => m.Level >= 3),
            marks.Count(m => m.Accepted && !m.IsOwed));
        DateOnly[] dues = [.. marks.Select(m => m.Due).Distinct().Order()];
        return new UnitTally(counts, marks.Max(m => m.Level), dues[0], dues)
        {
            Tasks = [.. marks.OrderBy(m => m.Task).Select(TaskStanding.Of)],
        };
    }

    /// <summary>The cycle's counts: the sum of its units'.</summary>
    public static CycleCounts Total(IEnumerable<UnitTally> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        return units.Aggregate(CycleCounts.Zero, (sum, unit) => sum.Plus(unit.Counts));
    }
}
