namespace SixStability.Core.Cycles.Tallies;

/// <summary>
/// One task of a unit as the board filters and counts it. Kept in the unit's tally (its shard), so filtering by state or
/// counting a column over every matching unit reads the shards only, never a unit's marks or its obligations.
/// </summary>
public sealed record TaskStanding(int Task, BoardState State)
{
    public static TaskStanding Of(ObligationMark mark)
    {
        ArgumentNullException.ThrowIfNull(mark);
        return new(mark.Task, StateOf(mark));
    }

    /// <summary>The board's state of a mark: a submission the coordinator accepted is 已审核, any other 已报送.</summary>
    public static BoardState StateOf(ObligationMark mark)
    {
        ArgumentNullException.ThrowIfNull(mark);
        return mark.State switch
        {
            ObligationState.Submitted => mark.Accepted ? BoardState.Accepted : BoardState.Submitted,
            ObligationState.Draft => BoardState.Draft,
            _ => BoardState.Outstanding,
        };
    }

    /// <summary>Reported: 已报送 or 已审核.</summary>
    public bool IsReported => State is BoardState.Submitted or BoardState.Accepted;
}
