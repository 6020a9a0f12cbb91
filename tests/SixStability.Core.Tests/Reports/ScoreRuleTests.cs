using SixStability.Core.Reports;

namespace SixStability.Core.Tests.Reports;

/// <summary>The score each unit gets per cycle, the one rule commendation and accountability are decided by.</summary>
public sealed class ScoreRuleTests
{
    private static UnitCycleFacts Facts(int onTime = 0, int late = 0, int missing = 0, int daysLate = 0, int level = 0, int returns = 0, int ahead = 0, int met = 0) =>
        new("u", onTime + late + missing, onTime + late, onTime, late, missing, 0, daysLate, level, returns, ahead, met);

    [Fact]
    public void The_default_rule_adds_for_indicators_ahead_and_deadlines_met_and_takes_for_lateness_escalation_and_returns()
    {
        UnitScore score = ScoreRule.Default.Score(Facts(onTime: 3, late: 1, daysLate: 3, level: 2, returns: 1, ahead: 2, met: 1));

        score.Items.Should().Equal(
            new ScoreItem("2项指标超序时进度或达标", 2m),
            new ScoreItem("1个节点按期完成", 1m),
            new ScoreItem("1项逾期报送，共逾期3个工作日", -1.5m),
            new ScoreItem("二级（橙色）督办", -2m),
            new ScoreItem("退回修改1次", -0.5m));
        score.Total.Should().Be(-1m);
    }

    [Theory]
    [InlineData(1, -1)]
    [InlineData(2, -2)]
    [InlineData(3, -3)]
    [InlineData(4, -3)]
    public void The_highest_level_reached_costs_its_colours_points_and_a_level_beyond_the_rule_costs_the_last(int level, int points)
    {
        ScoreRule.Default.Score(Facts(level: level)).Total.Should().Be(points);
    }

    [Fact]
    public void Reporting_on_time_is_expected_and_earns_nothing_unless_the_rule_says_so()
    {
        ScoreRule.Default.Score(Facts(onTime: 17)).Total.Should().Be(0m);
        (ScoreRule.Default with { PerReportOnTime = 0.1m }).Score(Facts(onTime: 10)).Total.Should().Be(1m);
    }

    [Fact]
    public void A_unit_is_commended_only_with_enough_points_and_no_late_report_and_accountable_at_the_threshold()
    {
        ScoreRule rule = ScoreRule.Default;
        UnitStanding Standing(UnitCycleFacts f) => new(f.UnitId, "甲局", null, f, rule.Score(f));

        rule.Commends(Standing(Facts(onTime: 2, ahead: 2))).Should().BeTrue();
        rule.Commends(Standing(Facts(onTime: 1, ahead: 1))).Should().BeFalse("one point is not enough");
        rule.Commends(Standing(Facts(onTime: 1, late: 1, daysLate: 1, ahead: 4))).Should().BeFalse("a late report rules commendation out, however many points");
        rule.HoldsAccountable(Standing(Facts(missing: 1, daysLate: 1, level: 3))).Should().BeTrue("−0.5 − 3 = −3.5");
        rule.HoldsAccountable(Standing(Facts(late: 1, daysLate: 4, level: 1))).Should().BeTrue("−2 − 1 = −3, at the threshold");
        rule.HoldsAccountable(Standing(Facts(late: 1, daysLate: 3, level: 1))).Should().BeFalse();
    }

    [Fact]
    public void The_rule_is_described_in_one_sentence_and_its_reasons_list_the_largest_items_first()
    {
        UnitScore score = ScoreRule.Default.Score(Facts(missing: 2, daysLate: 14, level: 3, ahead: 1));

        ScoreRule.Default.Describe().Should().Be("按时报送不加减分，每逾期1个工作日扣0.5分，黄色、橙色、红色督办分别扣1分、扣2分、扣3分，每退回修改1次扣0.5分，牵头的指标每项超序时进度或达标加1分，每个节点按期完成加1分");
        score.Reasons().Should().Be("2项未报送，共逾期14个工作日（−7）；三级（红色）督办（−3）；1项指标超序时进度或达标（+1）");
    }
}
