namespace SixStability.Core.Cycles;

/// <summary>Turns a coordinator's policy choice into the cycle's frame, and says when a choice cannot be honoured.</summary>
public static class CycleFrames
{
    /// <summary>Null when the choice itself is well formed: a known kind, a due date for <c>due</c>, a sane demo speed.</summary>
    public static RuleViolation? CheckShape(CyclePolicyChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return choice.Kind switch
        {
            CyclePolicyChoice.Default => null,
            CyclePolicyChoice.Demo when choice.SecondsPerDay is { } seconds && (seconds < 0.1 || seconds > 86_400) => RuleViolation.Field("policy.secondsPerDay", "应在 0.1 到 86400 之间。"),
            CyclePolicyChoice.Demo => null,
            CyclePolicyChoice.ExplicitDue when choice.Due is null => RuleViolation.Field("policy.due", "指定截止日期时必须给出 due（如 2027-01-08）。"),
            CyclePolicyChoice.ExplicitDue => null,
            _ => RuleViolation.Field("policy.kind", "应为 default、demo 或 due。"),
        };
    }

    /// <summary>The latest explicit due day a coordinator may set: a year after the quarter ends.</summary>
    public const int MaxExplicitDueDaysAfterQuarter = 366;

    /// <summary>
    /// Null when the calendar can time a cycle of <paramref name="quarter"/> as <paramref name="choice"/>
    /// asks: the default needs the quarter's holidays published; an explicit due day must fall between
    /// <paramref name="today"/> and a year after the quarter, on a day reminders and escalation can be
    /// counted around.
    /// </summary>
    public static RuleViolation? CheckCalendar(CyclePolicyChoice choice, Quarter quarter, BusinessCalendar china, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(choice);
        ArgumentNullException.ThrowIfNull(china);
        if (choice.Kind == CyclePolicyChoice.ExplicitDue && choice.Due is DateOnly due)
        {
            DateOnly latest = quarter.LastDay.AddDays(MaxExplicitDueDaysAfterQuarter);
            if (due < today || due > latest)
            {
                return RuleViolation.Field("policy.due", $"截止日期应在今天（{Notifications.ChineseDates.Full(today)}）到{Notifications.ChineseDates.Full(latest)}之间。", StartCycleRules.Summary);
            }

            try
            {
                CycleScheduler.FromDates(quarter, today, due, CyclePolicy.Default, china.WithWeekdaysForUnpublishedYears());
                return null;
            }
            catch (CalendarYearMissingException ex)
            {
                return RuleViolation.Field("policy.due", ex.Message, StartCycleRules.Summary);
            }
        }

        if (choice.Kind != CyclePolicyChoice.Default)
        {
            return null;
        }

        try
        {
            CycleScheduler.Plan(quarter, CyclePolicy.Default, china);
            return null;
        }
        catch (CalendarYearMissingException ex)
        {
            return RuleViolation.Field("policy", "该季度的节假日安排尚未发布：请用 {\"kind\":\"due\",\"due\":\"YYYY-MM-DD\"} 指定截止日期。", ex.Message);
        }
    }

    /// <param name="requestedAt">When it was asked: a demo starts then, an explicit-due cycle opens that day.</param>
    public static CycleFrame For(string cycleId, string planId, Quarter quarter, CyclePolicyChoice choice, DateTimeOffset requestedAt, CyclePolicy policy, BusinessCalendar china)
    {
        ArgumentNullException.ThrowIfNull(choice);
        ArgumentNullException.ThrowIfNull(policy);
        switch (choice.Kind)
        {
            case CyclePolicyChoice.Demo:
                {
                    // The default timeline on a calendar where every day works, one day lasting seconds.
                    DateOnly open = BusinessCalendar.EveryDay.AddWorkingDays(quarter.LastDay, policy.OpenWorkingDay);
                    DateOnly due = BusinessCalendar.EveryDay.AddWorkingDays(quarter.LastDay, policy.DueWorkingDay);
                    return new CycleFrame(cycleId, planId, quarter, CycleMode.Compressed, open, due, requestedAt, choice.SecondsPerDay ?? CyclePolicyChoice.DefaultSecondsPerDay);
                }

            case CyclePolicyChoice.ExplicitDue:
                {
                    DateOnly today = DateOnly.FromDateTime(ChinaTime.ToChina(requestedAt).DateTime);
                    DateOnly due = choice.Due ?? throw new ArgumentException("policy.due is required.", nameof(choice));
                    return new CycleFrame(cycleId, planId, quarter, CycleMode.ExplicitDue, today, due);
                }

            default:
                {
                    CycleSchedule schedule = CycleScheduler.Plan(quarter, policy, china);
                    return new CycleFrame(cycleId, planId, quarter, CycleMode.Calendar, DateOnly.FromDateTime(schedule.Open.At.DateTime), DateOnly.FromDateTime(schedule.Due.At.DateTime));
                }
        }
    }
}
