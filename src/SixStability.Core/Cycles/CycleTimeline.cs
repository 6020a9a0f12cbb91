namespace SixStability.Core.Cycles;

/// <summary>
/// Every instant a cycle must wake up at: each due group's reminders, due, and escalation levels
/// (units share the default due day unless a deadline was extended), then one close for all.
/// </summary>
public static class CycleTimeline
{
    public static IReadOnlyList<CycleTick> Build(CycleFrame frame, CyclePolicy policy, BusinessCalendar china, IEnumerable<DateOnly> dueDays)
    {
        ArgumentNullException.ThrowIfNull(frame);
        BusinessCalendar calendar = frame.Calendar(china);
        var ticks = new List<CycleTick>();
        DateTimeOffset close = DateTimeOffset.MinValue;
        foreach (DateOnly due in dueDays.Append(frame.DefaultDue).Distinct().Order())
        {
            CycleSchedule schedule = CycleScheduler.FromDates(frame.Quarter, frame.Open, due, policy, calendar);
            foreach (ScheduleStep step in schedule.Steps.Where(s => s.Kind is StepKind.Reminder or StepKind.Escalation))
            {
                ticks.Add(new CycleTick(frame.Real(step.At, policy), step.Kind, step.Level, due, step.At));
            }

            if (schedule.Close.At > close)
            {
                close = schedule.Close.At;
            }
        }

        ticks.Add(new CycleTick(frame.Real(close, policy), StepKind.Close, null, frame.DefaultDue, close));
        return ticks.OrderBy(t => t.At).ThenBy(t => t.Kind).ThenBy(t => t.Due).ToList();
    }
}

/// <summary>
/// One wake-up of the cycle: a reminder or an escalation level for the units due on <paramref name="Due"/>,
/// or the close. <paramref name="Scheduled"/> is the instant on the cycle's own calendar (virtual for demo).
/// </summary>
public sealed record CycleTick(DateTimeOffset At, StepKind Kind, int? Level, DateOnly Due, DateTimeOffset Scheduled)
{
    /// <summary>Stable and unique within the cycle: the outbox key of every mail this tick sends.</summary>
    public string StepId => Kind switch
    {
        StepKind.Close => "close",
        StepKind.Escalation => $"escalation{Level}-{Due:yyyyMMdd}",
        _ => $"{Kind.ToString().ToLowerInvariant()}-{Due:yyyyMMdd}-{Scheduled:yyyyMMddHHmm}",
    };
}
