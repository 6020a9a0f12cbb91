using SixStability.Core.Plans;
using SixStability.Core.Rules;
using SixStability.Core.Submissions;

namespace SixStability.Core.Tests.Submissions;

public sealed class SubmissionRulesTests
{
    private static readonly Indicator[] Indicators = [new("今年完成2万户老旧小区改造", 20000m, "户")];

    [Fact]
    public void A_draft_may_be_empty_but_a_submission_needs_the_narrative_and_a_self_assessment()
    {
        SubmissionRules.Check(new SubmissionForm(), Indicators, draft: true).Should().BeNull();
        SubmissionRules.Check(new SubmissionForm(), Indicators, draft: false)!.Errors.Select(e => e.Field).Should().Equal("narrative", "status");
    }

    [Fact]
    public void Only_the_tasks_own_indicators_each_once_and_never_negative()
    {
        var form = new SubmissionForm("进展", ReportedFigures.Done, [new("今年完成2万户老旧小区改造", -1m), new("别的", 1m), new("今年完成2万户老旧小区改造", 3m)]);

        RuleViolation refused = SubmissionRules.Check(form, Indicators, draft: false)!;

        refused.Errors.Select(e => e.Field).Should().Equal("indicators[0].value", "indicators[1].name", "indicators");
    }

    [Fact]
    public void Texts_are_bounded_and_a_status_given_in_a_draft_must_still_be_one_of_the_three()
    {
        var form = new SubmissionForm(new string('稳', SubmissionRules.MaxNarrative + 1), "很好", Difficulties: new string('难', SubmissionRules.MaxText + 1));

        SubmissionRules.Check(form, [], draft: true)!.Errors.Select(e => e.Field).Should().Equal("narrative", "difficulties", "status");
    }
}
