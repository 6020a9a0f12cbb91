namespace SixStability.Core.Cycles.Tallies;

/// <summary>
/// What the board and the counts need of one obligation — its task, state, lateness, escalation level, due day —
/// and the revision it stood at, so that of two marks of the same task the newer always wins.
/// </summary>
/// <param name="Accepted">已审核: the submission accepted as it stands (<see cref="Obligation.IsAccepted"/>); a return or a new submission clears it.</param>
public sealed record ObligationMark(int Task, ObligationState State, bool Late, int Level, DateOnly Due, int Revision, bool Accepted = false)
{
    public static ObligationMark Of(Obligation obligation)
    {
        ArgumentNullException.ThrowIfNull(obligation);
        return new(obligation.TaskNumber, obligation.State, obligation.Late, obligation.EscalationLevel, obligation.Due, obligation.Revision, obligation.IsAccepted);
    }

    /// <summary>Still to be reported (see <see cref="Obligation.IsOwed"/>).</summary>
    public bool IsOwed => State != ObligationState.Submitted;

    /// <summary>
    /// A unit's marks with <paramref name="incoming"/> laid over <paramref name="current"/>: per task the higher revision
    /// stands (an older mark arriving late never undoes a newer one), ordered by task.
    /// </summary>
    public static IReadOnlyList<ObligationMark> Merge(IEnumerable<ObligationMark> current, IEnumerable<ObligationMark> incoming)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(incoming);
        var byTask = current.ToDictionary(m => m.Task);
        foreach (ObligationMark mark in incoming)
        {
            if (!byTask.TryGetValue(mark.Task, out ObligationMark? held) || mark.Revision > held.Revision)
            {
                byTask[mark.Task] = mark;
            }
        }

        return [.. byTask.Values.OrderBy(m => m.Task)];
    }
}
