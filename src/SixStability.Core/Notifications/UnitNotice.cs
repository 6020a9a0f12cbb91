namespace SixStability.Core.Notifications;

/// <summary>A unit told at a step (opening notice, reminder): what it owes and its link.</summary>
public sealed record UnitNotice(Unit Unit, IReadOnlyList<OwedTask> Owed, Uri Link)
{
    public DateOnly Due => Owed.Count > 0 ? Owed.Min(o => o.Due) : default;

    public int WorkingDaysLeft => Owed.Count > 0 ? Owed.Min(o => o.WorkingDaysLeft) : 0;

    /// <summary>Tasks with different due days each show their own.</summary>
    public bool DatesDiffer => Owed.Select(o => o.Due).Distinct().Count() > 1;
}
