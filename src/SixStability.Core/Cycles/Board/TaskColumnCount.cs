namespace SixStability.Core.Cycles.Board;

/// <summary>A task column's count over every unit the board's filter matched (not only the page shown).</summary>
/// <param name="Total">Obligations of the task among those units.</param>
/// <param name="Submitted">Of them reported (已报送 or 已审核).</param>
/// <param name="Accepted">Of them accepted (已审核).</param>
public sealed record TaskColumnCount(int Task, int Total, int Submitted, int Accepted)
{
    /// <summary>Each task's count over the rows, in task order, from the rows' tallies alone.</summary>
    public static IReadOnlyList<TaskColumnCount> Over(IEnumerable<BoardRow> rows, BoardFilter filter, BoardLeads leads)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(filter);
        var counts = new SortedDictionary<int, (int Total, int Submitted, int Accepted)>();
        foreach (BoardRow row in rows)
        {
            foreach (Tallies.TaskStanding task in filter.Counted(row, leads))
            {
                (int total, int submitted, int accepted) = counts.GetValueOrDefault(task.Task);
                counts[task.Task] = (total + 1, submitted + (task.IsReported ? 1 : 0), accepted + (task.State == Tallies.BoardState.Accepted ? 1 : 0));
            }
        }

        return [.. counts.Select(c => new TaskColumnCount(c.Key, c.Value.Total, c.Value.Submitted, c.Value.Accepted))];
    }
}
