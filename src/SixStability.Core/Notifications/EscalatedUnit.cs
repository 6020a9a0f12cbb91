namespace SixStability.Core.Notifications;

/// <summary>
/// One late unit as a leader reads an escalation: who, which tasks, how late, whom to call — one row per unit,
/// not one per task (a coordinator's mail listed 50 flat rows).
/// </summary>
public sealed record EscalatedUnit(string UnitName, IReadOnlyList<LateItem> Tasks, int WorkingDaysLate, string? ContactPerson, string? Phone)
{
    /// <summary>刘洋 13800000000, or what of it the directory has; empty when it has neither.</summary>
    public string Contact => string.Join(" ", new[] { ContactPerson, Phone }.Where(p => !string.IsNullOrWhiteSpace(p)));

    /// <summary>The late units, the latest first, then by name; each unit's tasks in plan order.</summary>
    public static IReadOnlyList<EscalatedUnit> Group(IEnumerable<LateItem> late) =>
        [.. (late ?? []).GroupBy(l => l.UnitName, StringComparer.Ordinal)
            .Select(g => new EscalatedUnit(g.Key, [.. g.OrderBy(l => l.TaskNumber)], g.Max(l => l.WorkingDaysLate), g.First().ContactPerson, g.First().Phone))
            .OrderByDescending(u => u.WorkingDaysLate)
            .ThenBy(u => u.UnitName, StringComparer.Ordinal)];
}
