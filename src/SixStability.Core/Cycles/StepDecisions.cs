namespace SixStability.Core.Cycles;

/// <summary>What a step does with the obligations still owed at that moment.</summary>
public static class StepDecisions
{
    /// <summary>Units told at this tick, each with what it still owes (only units of the tick's due group, for reminders and escalation).</summary>
    public static IReadOnlyList<(string UnitId, IReadOnlyList<Obligation> Owed)> UnitsToTell(CycleTick tick, IEnumerable<Obligation> obligations)
    {
        ArgumentNullException.ThrowIfNull(tick);
        return obligations
            .Where(o => Tells(tick, o))
            .GroupBy(o => o.UnitId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<Obligation>)g.OrderBy(o => o.TaskNumber).ToList()))
            .ToList();
    }

    /// <summary>Whether this tick tells the obligation's unit about it: still owed, and (but for the opening) due on the tick's due day.</summary>
    public static bool Tells(CycleTick tick, Obligation obligation)
    {
        ArgumentNullException.ThrowIfNull(tick);
        ArgumentNullException.ThrowIfNull(obligation);
        return obligation.IsOwed && (tick.Kind == StepKind.Open || obligation.Due == tick.Due);
    }

    /// <summary>Working days between a unit's due day and this tick's day, on the cycle's calendar.</summary>
    public static int WorkingDaysLate(CycleTick tick, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(tick);
        ArgumentNullException.ThrowIfNull(calendar);
        return Math.Max(0, calendar.WorkingDaysBetween(tick.Due, DateOnly.FromDateTime(tick.Scheduled.DateTime)));
    }

    /// <summary>Working days from a cycle day to a unit's due day (0 on the due day).</summary>
    public static int WorkingDaysLeft(DateOnly today, DateOnly due, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return Math.Max(0, calendar.WorkingDaysBetween(today, due));
    }

    /// <summary>
    /// Who hears of a late unit at an escalation level, beyond the unit itself: its 分管市领导 from
    /// level 2, the 市政府督查室 from level 3, the coordinator always.
    /// </summary>
    public static EscalationAudience Audience(int level) => new(Leader: level >= 2, SupervisionOffice: level >= 3, Coordinator: true);

    /// <summary>The last level marks a unit as a candidate for accountability (问责候选).</summary>
    public static bool IsLastLevel(int level, CyclePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return level >= policy.EscalationWorkingDaysAfterDue.Count;
    }
}

public sealed record EscalationAudience(bool Leader, bool SupervisionOffice, bool Coordinator);

/// <summary>Counts for the coordinator and the orchestration's custom status.</summary>
/// <param name="Accepted">Of the submitted, those the coordinator accepted as they stand (已审核). Last, with a default, and left out of
/// the JSON while 0: counts in orchestration histories recorded before it still read, and write back, exactly as they were.</param>
public sealed record CycleCounts(int Obligations, int Owed, int Submitted, int Late, int Level1, int Level2, int Level3, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Accepted = 0)
{
    public static readonly CycleCounts Zero = new(0, 0, 0, 0, 0, 0, 0);

    public static CycleCounts Of(IEnumerable<Obligation> obligations)
    {
        ArgumentNullException.ThrowIfNull(obligations);
        int total = 0, owed = 0, submitted = 0, late = 0, l1 = 0, l2 = 0, l3 = 0, accepted = 0;
        foreach (Obligation o in obligations)
        {
            total++;
            owed += o.IsOwed ? 1 : 0;
            submitted += o.IsOwed ? 0 : 1;
            late += o.Late ? 1 : 0;
            l1 += o.EscalationLevel == 1 ? 1 : 0;
            l2 += o.EscalationLevel == 2 ? 1 : 0;
            l3 += o.EscalationLevel >= 3 ? 1 : 0;
            accepted += o.IsAccepted ? 1 : 0;
        }

        return new(total, owed, submitted, late, l1, l2, l3, accepted);
    }

    public CycleCounts Plus(CycleCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Obligations + other.Obligations, Owed + other.Owed, Submitted + other.Submitted, Late + other.Late, Level1 + other.Level1, Level2 + other.Level2, Level3 + other.Level3, Accepted + other.Accepted);
    }
}
