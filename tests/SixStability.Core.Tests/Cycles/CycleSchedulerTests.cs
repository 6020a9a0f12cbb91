using SixStability.Core.Calendar;
using SixStability.Core.Cycles;

namespace SixStability.Core.Tests.Cycles;

public sealed class CycleSchedulerTests
{
    private static readonly BusinessCalendar China = HolidayCn.Calendar();

    private static DateTimeOffset At(int y, int m, int d, int h) => new(y, m, d, h, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Due_date_skips_National_Day_and_counts_make_up_Saturday()
    {
        CycleSchedule schedule = CycleScheduler.Plan(Quarter.Parse("2020Q3"), CyclePolicy.Default, China);

        schedule.Steps.Should().Equal(
            new ScheduleStep(StepKind.Open, At(2020, 10, 9, 9)),
            new ScheduleStep(StepKind.Reminder, At(2020, 10, 10, 9)), // make-up Saturday, 3 working days before
            new ScheduleStep(StepKind.Reminder, At(2020, 10, 13, 9)),
            new ScheduleStep(StepKind.Reminder, At(2020, 10, 14, 9)),
            new ScheduleStep(StepKind.Due, At(2020, 10, 14, 18)),
            new ScheduleStep(StepKind.Escalation, At(2020, 10, 15, 9), 1),
            new ScheduleStep(StepKind.Escalation, At(2020, 10, 19, 9), 2),
            new ScheduleStep(StepKind.Escalation, At(2020, 10, 21, 9), 3),
            new ScheduleStep(StepKind.Close, At(2020, 10, 23, 18)));
    }

    [Fact]
    public void A_quarter_ending_on_a_Saturday_before_National_Day_opens_on_the_make_up_Saturday()
    {
        // 2023-09-30 is a Saturday; 09-29 … 10-06 are off; 10-07 and 10-08 are make-up workdays.
        CycleSchedule schedule = CycleScheduler.Plan(Quarter.Parse("2023Q3"), CyclePolicy.Default, China);

        schedule.Open.At.Should().Be(At(2023, 10, 7, 9));
        schedule.Due.At.Should().Be(At(2023, 10, 11, 18));
    }

    [Fact]
    public void A_quarter_ending_on_a_Sunday_opens_on_Monday()
    {
        CycleSchedule schedule = CycleScheduler.Plan(Quarter.Parse("2024Q2"), CyclePolicy.Default, China);

        schedule.Open.At.Should().Be(At(2024, 7, 1, 9));
        schedule.Due.At.Should().Be(At(2024, 7, 5, 18));
        schedule.Close.At.Should().Be(At(2024, 7, 16, 18));
    }

    [Fact]
    public void The_first_quarter_skips_Qingming_when_it_falls_in_the_window()
    {
        // 2021: 04-03 … 04-05 Qingming off, Sunday 04-25 is a make-up day (outside the window).
        CycleSchedule schedule = CycleScheduler.Plan(Quarter.Parse("2021Q1"), CyclePolicy.Default, China);

        schedule.Open.At.Should().Be(At(2021, 4, 1, 9));
        schedule.Due.At.Should().Be(At(2021, 4, 8, 18));
    }

    [Fact]
    public void A_fourth_quarter_whose_next_year_is_unpublished_is_a_clear_error()
    {
        Action act = () => CycleScheduler.Plan(Quarter.Parse("2026Q4"), CyclePolicy.Default, China);

        act.Should().Throw<CalendarYearMissingException>().Which.Year.Should().Be(2027);
    }

    [Fact]
    public void Reminders_that_would_fall_before_opening_are_dropped()
    {
        var policy = CyclePolicy.Default with { DueWorkingDay = 2, ReminderWorkingDaysBeforeDue = [3, 1, 0] };

        CycleSchedule schedule = CycleScheduler.Plan(Quarter.Parse("2020Q3"), policy, China);

        schedule.Steps.Where(s => s.Kind == StepKind.Reminder).Select(s => s.At).Should().Equal(At(2020, 10, 10, 9));
    }

    [Fact]
    public void An_extended_due_date_moves_reminders_escalation_and_close_with_it()
    {
        CycleSchedule schedule = CycleScheduler.FromDates(
            Quarter.Parse("2020Q3"), new DateOnly(2020, 10, 9), new DateOnly(2020, 10, 21), CyclePolicy.Default, China);

        schedule.Due.At.Should().Be(At(2020, 10, 21, 18));
        schedule.Steps.Single(s => s.Level == 1).At.Should().Be(At(2020, 10, 22, 9));
        schedule.Close.At.Should().Be(At(2020, 10, 30, 18));
    }

    [Fact]
    public void An_inconsistent_policy_is_refused()
    {
        var policy = CyclePolicy.Default with { EscalationWorkingDaysAfterDue = [3, 1] };

        Action act = () => CycleScheduler.Plan(Quarter.Parse("2020Q3"), policy, China);

        act.Should().Throw<ArgumentException>().WithMessage("周期策略无效*");
    }
}
