using SixStability.Core.Cycles.Tallies;

namespace SixStability.Core.Cycles.Board;

/// <summary>
/// Which units the board lists. Every part left out (null, false) keeps every unit; the parts given must all hold.
/// </summary>
/// <param name="Late">Only units that still owe something or reported late (只看逾期或未报送).</param>
/// <param name="Name">Only units whose name contains this text.</param>
/// <param name="State">Only units with at least one task in this state (in <paramref name="Role"/>'s tasks when that is given).</param>
/// <param name="Level">Only units whose highest escalation level is this (0: not escalated).</param>
/// <param name="Kind">Only units of this kind (类别: 县市区政府, 园区管委会, 市直部门).</param>
/// <param name="Role">Only units that lead (牵头) or co-operate on (配合) at least one task; the columns then count those tasks only.</param>
public sealed record BoardFilter(bool Late = false, string? Name = null, BoardState? State = null, int? Level = null, UnitKind? Kind = null, TaskRole? Role = null)
{
    public bool Matches(BoardRow row, BoardLeads leads)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(leads);
        return (!Late || row.Tally.NeedsAttention)
            && (string.IsNullOrEmpty(Name) || row.Name.Contains(Name, StringComparison.Ordinal))
            && (Level is not { } level || row.Tally.Level == level)
            && (Kind is not { } kind || row.Kind == kind)
            && (Role is null && State is null || Counted(row, leads).Any(t => State is not { } state || t.State == state));
    }

    /// <summary>The row's tasks this filter counts: all of them, or those of <see cref="Role"/>.</summary>
    public IEnumerable<TaskStanding> Counted(BoardRow row, BoardLeads leads)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(leads);
        return Role is { } role ? row.Tasks.Where(t => leads.RoleOf(row.UnitId, t.Task) == role) : row.Tasks;
    }
}
