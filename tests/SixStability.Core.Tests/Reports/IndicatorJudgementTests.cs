using SixStability.Core.Plans;
using SixStability.Core.Reports;

namespace SixStability.Core.Tests.Reports;

/// <summary>Each kind of indicator judged as the plan means it: a cumulative target by pace, a level by the target, a ceiling met or not.</summary>
public sealed class IndicatorJudgementTests
{
    [Theory]
    [InlineData(1, 5000, true, false)] // 25 % at the end of Q1: on pace, not ahead
    [InlineData(2, 9000, false, false)] // 45 % of a year's target by mid-year: behind
    [InlineData(3, 16000, true, true)] // 80 % against 75 %
    [InlineData(4, 20000, true, false)] // the whole target by the year's end
    public void A_cumulative_target_is_judged_against_the_pace_of_its_quarter(int quarter, int value, bool onTrack, bool ahead)
    {
        var households = new Indicator("今年完成2万户老旧小区改造", 20000m, "户", IndicatorKind.Cumulative);

        IndicatorSummary judged = TaskRating.Judge(households, value, quarter);

        judged.ExpectedPercent.Should().Be(quarter * 25m);
        judged.OnTrack.Should().Be(onTrack);
        judged.Ahead.Should().Be(ahead);
        SummaryText.Expected(judged).Should().Be($"序时{quarter * 25}%");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void A_level_target_is_compared_with_the_target_itself_whatever_the_quarter(int quarter)
    {
        var reimbursed = new Indicator("确保贫困人口住院最终报销比例达到90%的适度要求", 90m, "%", IndicatorKind.Level);
        var forest = new Indicator("确保森林覆盖率稳定在66%以上", 66m, "%", IndicatorKind.Level);

        IndicatorSummary low = TaskRating.Judge(reimbursed, 72m, quarter);
        IndicatorSummary below = TaskRating.Judge(forest, 52.8m, quarter);
        IndicatorSummary held = TaskRating.Judge(forest, 66.3m, quarter);

        low.OnTrack.Should().BeFalse("72 % is not 90 %, whatever share of a year has passed");
        low.ExpectedPercent.Should().Be(100m);
        below.OnTrack.Should().BeFalse();
        held.OnTrack.Should().BeTrue();
        held.Ahead.Should().BeTrue("a level reached counts as ahead for the score");
        SummaryText.Shortfall(low).Should().Be("指标“确保贫困人口住院最终报销比例达到90%的适度要求”为72%，未达到90%");
        SummaryText.Sentence(held).Should().Be("确保森林覆盖率稳定在66%以上：目前为66.3%，已达到目标（66%）");
    }

    [Theory]
    [InlineData(1, 45, true)]
    [InlineData(3, 60, true)]
    [InlineData(4, 61, false)]
    public void A_ceiling_is_met_or_not_at_any_time_and_shows_no_percentage(int quarter, int value, bool met)
    {
        var days = new Indicator("企业投资项目压减至60个工作日以内", 60m, "个工作日", IndicatorKind.AtMost);

        IndicatorSummary judged = TaskRating.Judge(days, value, quarter);

        judged.OnTrack.Should().Be(met);
        judged.Percent.Should().BeNull();
        SummaryText.Judgement(judged).Should().Be(met ? "达标" : "未达标");
        TaskRating.FarBehind(judged).Should().BeFalse("a missed ceiling makes a task amber, never red on its own");
    }

    [Fact]
    public void A_level_far_below_its_target_makes_the_task_red_a_level_near_it_amber()
    {
        var forest = new Indicator("确保森林覆盖率稳定在66%以上", 66m, "%", IndicatorKind.Level);
        TaskFacts Facts(decimal v) => new(1, 0, 0, 0, false, true, false, [TaskRating.Judge(forest, v, 3)]);

        TaskRating.Rate(Facts(52.8m), 3).Status.Should().Be(Rag.Amber);
        TaskRating.Rate(Facts(30m), 3).Status.Should().Be(Rag.Red);
        TaskRating.Rate(Facts(66m), 3).Status.Should().Be(Rag.Green);
    }
}
