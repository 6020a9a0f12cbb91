using SixStability.Core.Cycles.Tallies;

namespace SixStability.Core.Cycles.Board;

/// <summary>A unit on the board: who it is, which of the directory's kinds (类别) it belongs to, and its tally.</summary>
public sealed record BoardRow(string UnitId, string Name, UnitKind Kind, UnitTally Tally)
{
    /// <summary>Its tasks' states (none when its tally does not carry them).</summary>
    public IReadOnlyList<TaskStanding> Tasks => Tally.Tasks ?? [];
}
