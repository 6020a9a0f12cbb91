namespace SixStability.Core.Cycles;

/// <summary>Turns (quarter, policy, China business calendar) into a cycle's timeline.</summary>
public static class CycleScheduler
{
    public static CycleSchedule Plan(Quarter quarter, CyclePolicy policy, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        Validate(policy);

        DateOnly quarterEnd = quarter.LastDay;
        DateOnly open = calendar.AddWorkingDays(quarterEnd, policy.OpenWorkingDay);
        DateOnly due = calendar.AddWorkingDays(quarterEnd, policy.DueWorkingDay);
        return FromDates(quarter, open, due, policy, calendar);
    }

    /// <summary>
    /// The timeline around a given due day: reminders before it, escalation and close after it,
    /// all in working days. Used for a unit whose deadline was extended.
    /// </summary>
    public static CycleSchedule FromDates(Quarter quarter, DateOnly open, DateOnly due, CyclePolicy policy, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        if (due < open)
        {
            throw new ArgumentException($"截止日 {due:yyyy-MM-dd} 早于开启日 {open:yyyy-MM-dd}。", nameof(due));
        }

        DateTimeOffset openAt = ChinaTime.At(open, policy.OpenAt);
        var steps = new List<ScheduleStep> { new(StepKind.Open, openAt) };

        foreach (int before in policy.ReminderWorkingDaysBeforeDue.Distinct().OrderDescending())
        {
            DateTimeOffset at = ChinaTime.At(calendar.AddWorkingDays(due, -before), policy.ReminderAt);
            if (at > openAt)
            {
                steps.Add(new(StepKind.Reminder, at)); // a reminder before the cycle opens has no one to remind
            }
        }

        steps.Add(new(StepKind.Due, ChinaTime.At(due, policy.DueAt)));
        for (int i = 0; i < policy.EscalationWorkingDaysAfterDue.Count; i++)
        {
            DateOnly day = calendar.AddWorkingDays(due, policy.EscalationWorkingDaysAfterDue[i]);
            steps.Add(new(StepKind.Escalation, ChinaTime.At(day, policy.EscalationAt), i + 1));
        }

        steps.Add(new(StepKind.Close, ChinaTime.At(calendar.AddWorkingDays(due, policy.CloseWorkingDaysAfterDue), policy.CloseAt)));
        return new CycleSchedule(quarter, steps.OrderBy(s => s.At).ThenBy(s => s.Kind).ToList());
    }

    private static void Validate(CyclePolicy policy)
    {
        if (policy.OpenWorkingDay < 1 || policy.DueWorkingDay < policy.OpenWorkingDay)
        {
            throw new ArgumentException("周期策略无效：开启日须为季度结束后第1个及以后的工作日，且不晚于截止日。", nameof(policy));
        }

        if (policy.ReminderWorkingDaysBeforeDue.Any(d => d < 0)
            || policy.EscalationWorkingDaysAfterDue.Any(d => d < 1)
            || !policy.EscalationWorkingDaysAfterDue.SequenceEqual(policy.EscalationWorkingDaysAfterDue.Order())
            || policy.CloseWorkingDaysAfterDue < policy.EscalationWorkingDaysAfterDue.DefaultIfEmpty(0).Max())
        {
            throw new ArgumentException("周期策略无效：提醒须在截止日当天或之前，逐级督办须在截止日之后且依次递增，关闭不得早于最后一级督办。", nameof(policy));
        }
    }
}
