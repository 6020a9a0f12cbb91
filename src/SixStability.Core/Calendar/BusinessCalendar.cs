namespace SixStability.Core.Calendar;

/// <summary>
/// China working days: Monday to Friday, except the official days off (法定节假日), plus the weekend
/// days the State Council turns into make-up workdays (调休上班). Only years whose schedule is
/// published are known; asking about any other year is an error, never a guess.
/// </summary>
public sealed class BusinessCalendar
{
    private readonly HashSet<int> years;
    private readonly Dictionary<DateOnly, bool> exceptions; // date → is off day
    private readonly bool everyDayWorks;
    private readonly bool weekdaysForUnknownYears;

    public BusinessCalendar(IEnumerable<HolidayYear> schedules)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        years = [];
        exceptions = [];
        foreach (HolidayYear year in schedules.OrderBy(s => s.Year))
        {
            years.Add(year.Year);
            foreach (HolidayDay day in year.Days)
            {
                exceptions[day.Date] = day.IsOffDay;
            }
        }
    }

    private BusinessCalendar(BusinessCalendar source, bool everyDayWorks, bool weekdaysForUnknownYears)
    {
        years = source.years;
        exceptions = source.exceptions;
        this.everyDayWorks = everyDayWorks;
        this.weekdaysForUnknownYears = weekdaysForUnknownYears;
    }

    /// <summary>A calendar where every day works: the compressed demo timeline counts in plain days.</summary>
    public static BusinessCalendar EveryDay { get; } = new(new BusinessCalendar([]), everyDayWorks: true, weekdaysForUnknownYears: false);

    public IReadOnlyCollection<int> Years => years;

    /// <summary>
    /// The same calendar, but a year with no published schedule counts Monday–Friday. Only for a cycle
    /// whose due date the coordinator set explicitly, knowing the schedule is not out yet.
    /// </summary>
    public BusinessCalendar WithWeekdaysForUnpublishedYears() => new(this, everyDayWorks, weekdaysForUnknownYears: true);

    public bool Knows(int year) => years.Contains(year);

    /// <summary>
    /// How far past the last published year Monday–Friday may stand in (for an explicit-due cycle):
    /// the next schedule is published each autumn, so a year or two ahead is the most anyone plans.
    /// </summary>
    public const int UnpublishedYearsCounted = 2;

    public bool IsWorkingDay(DateOnly date)
    {
        if (everyDayWorks)
        {
            return true;
        }

        if (!years.Contains(date.Year) && !(weekdaysForUnknownYears && date.Year <= years.DefaultIfEmpty(date.Year).Max() + UnpublishedYearsCounted))
        {
            throw new CalendarYearMissingException(date.Year);
        }

        return exceptions.TryGetValue(date, out bool off)
            ? !off
            : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>True for a Saturday or Sunday that is a working day (调休).</summary>
    public bool IsMakeUpWorkday(DateOnly date) =>
        date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && IsWorkingDay(date);

    /// <summary>
    /// The <paramref name="count"/>th working day after <paramref name="date"/> (count &gt; 0), before it
    /// (count &lt; 0), or <paramref name="date"/> itself (count = 0).
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int count)
    {
        int step = Math.Sign(count);
        DateOnly d = date;
        for (int left = Math.Abs(count); left > 0;)
        {
            d = Step(d, step);
            if (IsWorkingDay(d))
            {
                left--;
            }
        }

        return d;
    }

    /// <summary>The first working day on or after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDayOnOrAfter(DateOnly date)
    {
        DateOnly d = date;
        while (!IsWorkingDay(d))
        {
            d = Step(d, 1);
        }

        return d;
    }

    /// <summary>The next or previous day; the edge of the calendar is a year nobody has published, never an overflow.</summary>
    private static DateOnly Step(DateOnly date, int step) =>
        (step > 0 && date == DateOnly.MaxValue) || (step < 0 && date == DateOnly.MinValue)
            ? throw new CalendarYearMissingException(date.Year + step)
            : date.AddDays(step);

    /// <summary>Working days in (<paramref name="from"/>, <paramref name="to"/>]; negative when to is before from.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        int n = 0;
        for (DateOnly d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                n++;
            }
        }

        return n;
    }
}
