using SixStability.Core.Calendar;
using SixStability.Core.Cycles;
using SixStability.Core.Rules;

namespace SixStability.Core.Tests.Cycles;

public sealed class StartCycleRulesTests
{
    private static readonly BusinessCalendar China = HolidayCn.Calendar();

    private static readonly DateOnly Today = new(2027, 12, 1);

    [Fact]
    public void A_known_quarter_on_the_default_calendar_is_accepted()
    {
        StartCycleRules.Check("jingdezhen", "2020Q3", new CyclePolicyChoice(), China, Today).Value.Should().Be(new Quarter(2020, 3));
    }

    [Theory]
    [InlineData("9999-12-31")] // a far-future date once overflowed the calendar and killed the cycle
    [InlineData("2029-06-30")] // more than a year after the quarter
    [InlineData("2027-11-30")] // before today
    public void An_explicit_due_day_outside_today_to_a_year_after_the_quarter_is_refused_on_policy_due(string due)
    {
        Outcome<Quarter> refused = StartCycleRules.Check("jingdezhen", "2027Q4", new CyclePolicyChoice(CyclePolicyChoice.ExplicitDue, DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture)), China, Today);

        refused.Errors.Single().Field.Should().Be("policy.due");
    }

    [Fact]
    public void A_bad_plan_id_a_bad_quarter_and_a_bad_policy_are_all_named_at_once()
    {
        Outcome<Quarter> refused = StartCycleRules.Check("JD 2020", "2020-3", new CyclePolicyChoice("weekly"), China, Today);

        refused.Errors.Select(e => e.Field).Should().Equal("planId", "quarter", "policy.kind");
    }

    [Fact]
    public void A_quarter_whose_holidays_are_unpublished_is_refused_with_the_way_out_and_an_explicit_due_date_is_accepted()
    {
        Outcome<Quarter> unpublished = StartCycleRules.Check("jingdezhen", "2027Q4", new CyclePolicyChoice(), China, Today);
        Outcome<Quarter> explicitDue = StartCycleRules.Check("jingdezhen", "2027Q4", new CyclePolicyChoice(CyclePolicyChoice.ExplicitDue, new DateOnly(2028, 1, 10)), China, Today);

        unpublished.Errors.Single().Field.Should().Be("policy");
        unpublished.Errors[0].Message.Should().Contain("\"kind\":\"due\"");
        explicitDue.IsOk.Should().BeTrue();
    }

    [Theory]
    [InlineData("due", null, null, "policy.due")]
    [InlineData("demo", null, 0.01, "policy.secondsPerDay")]
    public void A_policy_missing_what_its_kind_needs_is_named(string kind, string? due, double? secondsPerDay, string field)
    {
        var policy = new CyclePolicyChoice(kind, due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), secondsPerDay);

        StartCycleRules.Check("jingdezhen", "2020Q3", policy, China, Today).Errors.Single().Field.Should().Be(field);
    }
}
