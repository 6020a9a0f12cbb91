using SixStability.Core.Calendar;
using SixStability.Core.Cycles;
using SixStability.Core.Rules;

namespace SixStability.Core.Tests.Cycles;

public sealed class ExtensionRulesTests
{
    private static readonly DateOnly Due = new(2020, 10, 14);
    private static readonly DateOnly Today = new(2020, 10, 12);

    private static readonly CycleTiming Timing = new(
        new CycleFrame("jingdezhen-2020Q3", "jingdezhen", Quarter.Parse("2020Q3"), CycleMode.Calendar, new DateOnly(2020, 10, 9), Due),
        CyclePolicy.Default,
        HolidayCn.Calendar());

    [Fact]
    public void A_later_date_from_today_on_with_a_short_reason_is_accepted()
    {
        ExtensionRules.Check(new DateOnly(2020, 10, 20), Due, Today, Timing, "防汛", reasonRequired: true).Should().BeNull();
    }

    [Theory]
    [InlineData("2020-10-14")] // the present due day is no extension
    [InlineData("2020-10-01")]
    public void A_date_not_after_the_present_due_day_is_refused_on_the_due_field(string date)
    {
        RuleViolation? refused = ExtensionRules.Check(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Due, Today, Timing, null, reasonRequired: false);

        refused!.Errors.Should().ContainSingle().Which.Field.Should().Be("due");
        refused.Errors[0].Message.Should().Contain("2020年10月14日");
    }

    [Fact]
    public void A_date_already_past_on_the_day_of_decision_is_refused_even_if_it_was_later_than_the_due_day()
    {
        RuleViolation? refused = ExtensionRules.Check(new DateOnly(2020, 10, 15), Due, new DateOnly(2020, 10, 19), Timing, null, reasonRequired: false);

        refused!.Errors.Single().Message.Should().Contain("不能早于今天");
    }

    [Fact]
    public void A_unit_must_give_a_reason_and_no_reason_may_run_past_500_characters_or_hold_control_characters()
    {
        ExtensionRules.Check(new DateOnly(2020, 10, 20), Due, Today, Timing, null, reasonRequired: true)!.Errors.Single().Field.Should().Be("reason");
        ExtensionRules.Check(new DateOnly(2020, 10, 20), Due, Today, Timing, new string('长', 501), reasonRequired: false, reasonField: "note")!.Errors.Single().Field.Should().Be("note");
        ExtensionRules.Check(new DateOnly(2020, 10, 20), Due, Today, Timing, "理由\u0007", reasonRequired: false)!.Errors.Single().Message.Should().Contain("控制字符");
    }

    [Fact]
    public void A_missing_date_and_a_missing_reason_are_both_named()
    {
        ExtensionRules.Check(null, Due, Today, Timing, " ", reasonRequired: true)!.Errors.Select(e => e.Field).Should().Equal("due", "reason");
    }

    [Theory]
    [InlineData("9999-12-30")] // once overflowed the calendar and failed the whole cycle
    [InlineData("2021-06-30")] // past the horizon: 120 working days after 2020-10-14
    public void A_date_beyond_the_horizon_is_refused_before_anything_counts_with_it(string date)
    {
        RuleViolation refused = ExtensionRules.Check(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Due, Today, Timing, null, reasonRequired: false)!;

        refused.Errors.Single().Field.Should().Be("due");
        refused.Errors[0].Message.Should().Contain("不能晚于");
    }

    [Fact]
    public void A_date_in_a_year_whose_holidays_are_unpublished_is_refused_with_the_calendar_message_not_a_crash()
    {
        var late = new CycleTiming(Timing.Frame with { Quarter = Quarter.Parse("2026Q4"), Open = new DateOnly(2027, 1, 5), DefaultDue = new DateOnly(2027, 1, 8) }, CyclePolicy.Default, HolidayCn.Calendar());

        RuleViolation refused = ExtensionRules.Check(new DateOnly(2027, 1, 20), new DateOnly(2027, 1, 8), new DateOnly(2027, 1, 6), late, null, reasonRequired: false)!;

        refused.Errors.Single().Message.Should().Contain("2027年的节假日");
    }
}
