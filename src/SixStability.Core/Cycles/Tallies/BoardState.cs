namespace SixStability.Core.Cycles.Tallies;

/// <summary>A task's state as the board shows and filters it.</summary>
public enum BoardState
{
    /// <summary>未报送 (nothing yet, or returned).</summary>
    Outstanding,

    /// <summary>草稿.</summary>
    Draft,

    /// <summary>已报送, not yet accepted.</summary>
    Submitted,

    /// <summary>已审核: submitted and accepted by the coordinator.</summary>
    Accepted,
}
