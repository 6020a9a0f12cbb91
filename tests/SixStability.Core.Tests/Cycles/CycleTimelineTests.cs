using SixStability.Core.Calendar;
using SixStability.Core.Cycles;

namespace SixStability.Core.Tests.Cycles;

public sealed class CycleTimelineTests
{
    private static readonly BusinessCalendar China = HolidayCn.Calendar();

    private static readonly CycleFrame Q3 = new("p-2020Q3", "p", Quarter.Parse("2020Q3"), CycleMode.Calendar, new DateOnly(2020, 10, 9), new DateOnly(2020, 10, 14));

    private static DateTimeOffset At(int m, int d, int h) => new(2020, m, d, h, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Without_extensions_the_timeline_is_the_default_schedule_after_opening()
    {
        IReadOnlyList<CycleTick> ticks = CycleTimeline.Build(Q3, CyclePolicy.Default, China, []);

        ticks.Select(t => (t.At, t.Kind, t.Level)).Should().Equal(
            (At(10, 10, 9), StepKind.Reminder, (int?)null),
            (At(10, 13, 9), StepKind.Reminder, null),
            (At(10, 14, 9), StepKind.Reminder, null),
            (At(10, 15, 9), StepKind.Escalation, 1),
            (At(10, 19, 9), StepKind.Escalation, 2),
            (At(10, 21, 9), StepKind.Escalation, 3),
            (At(10, 23, 18), StepKind.Close, null));
        ticks.Select(t => t.StepId).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void An_extended_unit_gets_its_own_reminders_and_levels_and_the_close_waits_for_it()
    {
        IReadOnlyList<CycleTick> ticks = CycleTimeline.Build(Q3, CyclePolicy.Default, China, [new DateOnly(2020, 10, 14), new DateOnly(2020, 10, 21)]);

        ticks.Where(t => t.Due == new DateOnly(2020, 10, 21) && t.Kind == StepKind.Escalation).Select(t => t.At).Should().Equal(At(10, 22, 9), At(10, 26, 9), At(10, 28, 9));
        ticks.Where(t => t.Kind == StepKind.Escalation).Should().HaveCount(6);
        ticks[^1].Should().Match<CycleTick>(t => t.Kind == StepKind.Close && t.At == At(10, 30, 18));
    }

    [Fact]
    public void A_demo_cycle_runs_the_same_steps_compressed_into_minutes()
    {
        var start = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        var demo = new CycleFrame("p-2020Q3", "p", Quarter.Parse("2020Q3"), CycleMode.Compressed, new DateOnly(2020, 10, 1), new DateOnly(2020, 10, 5), start, SecondsPerDay: 10);

        IReadOnlyList<CycleTick> ticks = CycleTimeline.Build(demo, CyclePolicy.Default, China, []);

        ticks.Select(t => t.Kind).Should().Equal(StepKind.Reminder, StepKind.Reminder, StepKind.Reminder, StepKind.Escalation, StepKind.Escalation, StepKind.Escalation, StepKind.Close);
        ticks[0].At.Should().Be(start.AddSeconds(10));
        ticks[^1].At.Should().Be(start.AddSeconds(113.75), "close is 11 days and 9 hours after opening");
        demo.Today(start.AddSeconds(45), CyclePolicy.Default).Should().Be(new DateOnly(2020, 10, 5));
    }

    [Fact]
    public void An_explicit_due_date_in_an_unpublished_year_counts_weekdays()
    {
        var frame = new CycleFrame("p-2026Q4", "p", Quarter.Parse("2026Q4"), CycleMode.ExplicitDue, new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 8));

        IReadOnlyList<CycleTick> ticks = CycleTimeline.Build(frame, CyclePolicy.Default, China, []);

        ticks.First(t => t.Level == 1).At.Date.Should().Be(new DateTime(2027, 1, 11), "Monday after Friday the 8th");
    }
}
