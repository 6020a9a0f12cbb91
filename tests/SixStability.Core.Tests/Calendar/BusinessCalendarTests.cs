using SixStability.Core.Calendar;

namespace SixStability.Core.Tests.Calendar;

public sealed class BusinessCalendarTests
{
    private static readonly BusinessCalendar China = HolidayCn.Calendar();

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void National_Day_week_2020_is_off_and_the_make_up_Saturday_is_a_working_day()
    {
        for (DateOnly d = D(2020, 10, 1); d <= D(2020, 10, 8); d = d.AddDays(1))
        {
            China.IsWorkingDay(d).Should().BeFalse($"{d} is in the National Day and Mid-Autumn holiday");
        }

        China.IsWorkingDay(D(2020, 10, 10)).Should().BeTrue("Saturday 10-10 is a make-up workday (调休)");
        China.IsMakeUpWorkday(D(2020, 10, 10)).Should().BeTrue();
        China.IsWorkingDay(D(2020, 10, 11)).Should().BeFalse("an ordinary Sunday");
        China.IsWorkingDay(D(2020, 9, 27)).Should().BeTrue("Sunday 09-27 is a make-up workday");
    }

    [Fact]
    public void Spring_Festival_2021_with_make_up_Sunday_before_and_Saturday_after()
    {
        China.IsWorkingDay(D(2021, 2, 7)).Should().BeTrue();
        Enumerable.Range(11, 7).Select(d => China.IsWorkingDay(D(2021, 2, d))).Should().AllBeEquivalentTo(false);
        China.IsWorkingDay(D(2021, 2, 18)).Should().BeTrue();
        China.IsWorkingDay(D(2021, 2, 20)).Should().BeTrue();
    }

    [Fact]
    public void Spring_Festival_2020_extended_for_the_epidemic_is_off()
    {
        China.IsWorkingDay(D(2020, 1, 19)).Should().BeTrue("Sunday 01-19 is a make-up workday");
        China.IsWorkingDay(D(2020, 1, 31)).Should().BeFalse();
        China.IsWorkingDay(D(2020, 2, 3)).Should().BeTrue();
    }

    [Fact]
    public void National_Day_2023_has_a_make_up_weekend_right_after_it()
    {
        China.IsWorkingDay(D(2023, 9, 29)).Should().BeFalse("Mid-Autumn Festival, a Friday");
        China.IsWorkingDay(D(2023, 10, 6)).Should().BeFalse();
        China.IsWorkingDay(D(2023, 10, 7)).Should().BeTrue("Saturday make-up workday");
        China.IsWorkingDay(D(2023, 10, 8)).Should().BeTrue("Sunday make-up workday");
    }

    [Fact]
    public void Ordinary_weekdays_work_and_weekends_rest()
    {
        China.IsWorkingDay(D(2024, 3, 13)).Should().BeTrue();
        China.IsWorkingDay(D(2024, 3, 16)).Should().BeFalse();
        China.IsWorkingDay(D(2024, 3, 17)).Should().BeFalse();
    }

    [Fact]
    public void Adding_working_days_skips_the_holiday_and_counts_the_make_up_day()
    {
        China.AddWorkingDays(D(2020, 9, 30), 1).Should().Be(D(2020, 10, 9));
        China.AddWorkingDays(D(2020, 9, 30), 2).Should().Be(D(2020, 10, 10));
        China.AddWorkingDays(D(2020, 9, 30), 5).Should().Be(D(2020, 10, 14));
        China.AddWorkingDays(D(2020, 10, 14), -3).Should().Be(D(2020, 10, 10));
        China.AddWorkingDays(D(2020, 10, 14), 0).Should().Be(D(2020, 10, 14));
    }

    [Fact]
    public void Working_days_between_count_the_days_after_the_start_up_to_the_end()
    {
        China.WorkingDaysBetween(D(2020, 9, 30), D(2020, 10, 14)).Should().Be(5);
        China.WorkingDaysBetween(D(2020, 10, 14), D(2020, 9, 30)).Should().Be(-5);
        China.WorkingDaysBetween(D(2020, 10, 14), D(2020, 10, 14)).Should().Be(0);
    }

    [Fact]
    public void A_year_without_a_published_schedule_is_an_error_not_a_guess()
    {
        // 2027.json ships empty: the State Council had not published 2027 yet.
        Action unpublished = () => China.IsWorkingDay(D(2027, 1, 4));
        Action neverShipped = () => China.IsWorkingDay(D(2018, 5, 2));

        unpublished.Should().Throw<CalendarYearMissingException>().Which.Year.Should().Be(2027);
        unpublished.Should().Throw<CalendarYearMissingException>().WithMessage("2027年的节假日和调休安排尚未发布或未载入*");
        neverShipped.Should().Throw<CalendarYearMissingException>().Which.Year.Should().Be(2018);
        China.Years.Should().BeEquivalentTo(Enumerable.Range(2019, 8));
    }

    [Fact]
    public void Crossing_into_a_missing_year_is_an_error()
    {
        Action act = () => China.AddWorkingDays(D(2026, 12, 28), 5);

        act.Should().Throw<CalendarYearMissingException>().Which.Year.Should().Be(2027);
    }

    [Fact]
    public void An_operator_can_add_a_year_without_a_rebuild()
    {
        const string json = """
            { "year": 2027, "papers": ["test"], "days": [
              { "name": "元旦", "date": "2027-01-01", "isOffDay": true },
              { "name": "春节", "date": "2027-02-06", "isOffDay": false } ] }
            """;

        BusinessCalendar calendar = HolidayCn.Calendar([HolidayCn.Parse(json, "2027.json")!]);

        calendar.IsWorkingDay(D(2027, 1, 1)).Should().BeFalse();
        calendar.IsWorkingDay(D(2027, 2, 6)).Should().BeTrue("a Saturday make-up workday");
        calendar.IsWorkingDay(D(2020, 10, 10)).Should().BeTrue("the shipped years are still there");
    }

    [Fact]
    public void A_malformed_holiday_file_names_itself()
    {
        Action act = () => HolidayCn.Parse("{ \"year\": 2027, \"days\": [ { \"date\": \"27-1-1\" } ] }", "2027.json");

        act.Should().Throw<FormatException>().WithMessage("节假日数据文件 2027.json 格式无效*");
    }

    [Fact]
    public void Counting_past_the_last_representable_day_is_a_missing_year_never_an_overflow()
    {
        FluentActions.Invoking(() => BusinessCalendar.EveryDay.AddWorkingDays(DateOnly.MaxValue, 1)).Should().Throw<CalendarYearMissingException>();
        FluentActions.Invoking(() => HolidayCn.Calendar().WithWeekdaysForUnpublishedYears().AddWorkingDays(new DateOnly(9999, 12, 30), 5)).Should().Throw<CalendarYearMissingException>();
    }

    [Fact]
    public void Weekdays_stand_in_for_unpublished_years_only_a_little_past_the_last_published_one()
    {
        BusinessCalendar lenient = HolidayCn.Calendar().WithWeekdaysForUnpublishedYears();
        int last = HolidayCn.Calendar().Years.Max();

        lenient.IsWorkingDay(new DateOnly(last + BusinessCalendar.UnpublishedYearsCounted, 3, 2)).Should().BeTrue();
        FluentActions.Invoking(() => lenient.IsWorkingDay(new DateOnly(last + BusinessCalendar.UnpublishedYearsCounted + 1, 3, 2))).Should().Throw<CalendarYearMissingException>();
    }
}
