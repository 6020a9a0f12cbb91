using SixStability.Core.Cycles;

namespace SixStability.Core.Reports;

/// <summary>
/// Working days late of one report, as the summary counts them: a late submission at least one day, a
/// missing one up to the summary's day. Most reports share a handful of due days, so each span of
/// working days is counted once.
/// </summary>
public sealed class Lateness(SummaryInput input)
{
    private readonly Dictionary<(DateOnly From, DateOnly To), int> spans = [];

    public int WorkingDaysLate(Obligation o)
    {
        ArgumentNullException.ThrowIfNull(o);
        if (o.State == ObligationState.Submitted)
        {
            return o.Late && o.SubmittedAt is DateTimeOffset at ? Math.Max(1, WorkingDays(o.Due, input.DayOf(at))) : 0;
        }

        return input.AsOf > o.Due ? WorkingDays(o.Due, input.AsOf) : 0;
    }

    /// <summary>Missing and due: the summary's day is past the unit's due day, or the cycle is closed.</summary>
    public bool Overdue(Obligation o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return o.State != ObligationState.Submitted && (input.Final || input.AsOf > o.Due);
    }

    private int WorkingDays(DateOnly from, DateOnly to)
    {
        if (!spans.TryGetValue((from, to), out int days))
        {
            days = spans[(from, to)] = input.Calendar.WorkingDaysBetween(from, to);
        }

        return days;
    }
}
