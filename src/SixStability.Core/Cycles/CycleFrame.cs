namespace SixStability.Core.Cycles;

/// <summary>
/// How a cycle's days map onto real time. A normal cycle lives on the China calendar. A demo cycle
/// is the same timeline on a calendar where every day works, compressed so a day lasts seconds.
/// </summary>
/// <param name="Open">The (virtual, for demo) day the cycle opens.</param>
/// <param name="DefaultDue">The due day every unit starts with.</param>
/// <param name="RealStart">For demo: the real instant the virtual opening maps to.</param>
/// <param name="SecondsPerDay">For demo: how long a virtual day lasts.</param>
public sealed record CycleFrame(
    string CycleId,
    string PlanId,
    Quarter Quarter,
    CycleMode Mode,
    DateOnly Open,
    DateOnly DefaultDue,
    DateTimeOffset RealStart = default,
    double SecondsPerDay = 0)
{
    public BusinessCalendar Calendar(BusinessCalendar china)
    {
        ArgumentNullException.ThrowIfNull(china);
        return Mode switch
        {
            CycleMode.Compressed => BusinessCalendar.EveryDay,
            CycleMode.ExplicitDue => china.WithWeekdaysForUnpublishedYears(),
            _ => china,
        };
    }

    /// <summary>
    /// The co-units' due day: <see cref="CyclePolicy.CoUnitWorkingDaysBeforeLead"/> working days before the
    /// lead units' <see cref="DefaultDue"/>, never before the cycle opens.
    /// </summary>
    public DateOnly CoUnitDue(CyclePolicy policy, BusinessCalendar china)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.CoUnitWorkingDaysBeforeLead <= 0)
        {
            return DefaultDue;
        }

        DateOnly due = Calendar(china).AddWorkingDays(DefaultDue, -policy.CoUnitWorkingDaysBeforeLead);
        return due < Open ? Open : due;
    }

    /// <summary>Real instant of a timeline instant.</summary>
    public DateTimeOffset Real(DateTimeOffset at, CyclePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (Mode != CycleMode.Compressed)
        {
            return at;
        }

        TimeSpan sinceOpen = at - ChinaTime.At(Open, policy.OpenAt);
        return RealStart + TimeSpan.FromSeconds(sinceOpen.TotalDays * SecondsPerDay);
    }

    /// <summary>The cycle's own "today" at a real instant (virtual day for demo).</summary>
    public DateOnly Today(DateTimeOffset now, CyclePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (Mode != CycleMode.Compressed)
        {
            return DateOnly.FromDateTime(ChinaTime.ToChina(now).DateTime);
        }

        double days = (now - RealStart).TotalSeconds / SecondsPerDay;
        return DateOnly.FromDateTime(ChinaTime.At(Open, policy.OpenAt).AddDays(days).DateTime);
    }
}

public enum CycleMode
{
    /// <summary>The default policy on the China business calendar.</summary>
    Calendar,

    /// <summary>A due date the coordinator set (e.g. the quarter's holidays are not published yet).</summary>
    ExplicitDue,

    /// <summary>The demo: the whole timeline in minutes, starting now.</summary>
    Compressed,
}
