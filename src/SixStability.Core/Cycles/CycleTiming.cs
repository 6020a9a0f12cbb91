namespace SixStability.Core.Cycles;

/// <summary>A cycle's frame, policy and calendar: what a new due day is checked against.</summary>
public sealed record CycleTiming(CycleFrame Frame, CyclePolicy Policy, BusinessCalendar China)
{
    /// <summary>The latest due day the policy allows, or null when the calendar cannot count that far (then <see cref="CanSchedule"/> decides).</summary>
    public DateOnly? Horizon()
    {
        try
        {
            return Frame.Calendar(China).AddWorkingDays(Frame.DefaultDue, Policy.ExtensionHorizonWorkingDays);
        }
        catch (CalendarYearMissingException)
        {
            return null;
        }
    }

    /// <summary>Null when reminders, escalation and close can all be scheduled around <paramref name="due"/>; else why not, for people.</summary>
    public string? CanSchedule(DateOnly due)
    {
        try
        {
            CycleScheduler.FromDates(Frame.Quarter, Frame.Open, due, Policy, Frame.Calendar(China));
            return null;
        }
        catch (CalendarYearMissingException ex)
        {
            return ex.Message;
        }
    }
}
