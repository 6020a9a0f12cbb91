using SixStability.Core.Notifications;

namespace SixStability.Core.Cycles;

/// <summary>Who is late at an escalation level, and who hears of it.</summary>
public static class EscalationDecisions
{
    /// <summary>The coordinator's key among an escalation's readers (its outbox key too).</summary>
    public const string CoordinatorKey = "coordinator";

    /// <summary>The obligations still owed by the units due on the tick's due day: the late ones an escalation acts on.</summary>
    public static IReadOnlyList<Obligation> Late(CycleTick tick, IEnumerable<Obligation> obligations)
    {
        ArgumentNullException.ThrowIfNull(tick);
        return obligations.Where(o => o.IsOwed && o.Due == tick.Due).ToList();
    }

    public static IReadOnlyList<LateItem> Items(IEnumerable<Obligation> late, CycleLookup cycle, int workingDaysLate)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        return late.Select(o => cycle.FindUnit(o.UnitId) is { } unit
                ? new LateItem(unit.Name, o.TaskNumber, cycle.TaskTitle(o.TaskNumber), workingDaysLate, unit.ContactPerson, unit.Phone)
                : new LateItem(o.UnitId, o.TaskNumber, cycle.TaskTitle(o.TaskNumber), workingDaysLate))
            .ToList();
    }

    /// <summary>
    /// The people above the late units at <paramref name="level"/> (<see cref="StepDecisions.Audience"/>):
    /// each 分管市领导 about the units they oversee, the 市政府督查室 and the coordinator about all of them.
    /// The units themselves are told by their own page of the step.
    /// </summary>
    public static IReadOnlyList<EscalationReader> Offices(int level, IReadOnlyList<Obligation> late, CycleLookup cycle, int workingDaysLate)
    {
        ArgumentNullException.ThrowIfNull(late);
        ArgumentNullException.ThrowIfNull(cycle);
        if (late.Count == 0)
        {
            return [];
        }

        EscalationAudience audience = StepDecisions.Audience(level);
        UnitDirectory directory = cycle.Directory;
        var readers = new List<EscalationReader>();
        if (audience.Leader)
        {
            foreach (IGrouping<string, Obligation> group in late.GroupBy(o => cycle.FindUnit(o.UnitId)?.Leader ?? string.Empty, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                if (directory.Leaders.FirstOrDefault(l => l.Id == group.Key) is { } leader)
                {
                    readers.Add(new EscalationReader($"leader-{leader.Id}", $"{leader.Name}{leader.Title}", new Contact(leader.Name, leader.Email, leader.Channels), Items(group, cycle, workingDaysLate)));
                }
            }
        }

        IReadOnlyList<LateItem> all = Items(late, cycle, workingDaysLate);
        if (audience.SupervisionOffice)
        {
            readers.Add(new EscalationReader("supervision", directory.SupervisionOffice.Name, directory.SupervisionOffice, all));
        }

        if (audience.Coordinator)
        {
            readers.Add(new EscalationReader(CoordinatorKey, directory.Coordinator.Name, directory.Coordinator, all));
        }

        return readers;
    }
}
