using SixStability.Core.Calendar;
using SixStability.Core.Reports;
using SixStability.Core.Reports.Layout;
using SixStability.Core.Reports.Year;
using SixStability.Core.Units;

namespace SixStability.Core.Tests.Reports.Year;

/// <summary>A unit's record across the year: quarters, year score, rank, 表扬 and 问责 with their reasons.</summary>
public sealed class YearRecordsTests
{
    private static UnitStanding Standing(string id, UnitKind kind, int onTime = 0, int late = 0, int missing = 0, int pending = 0, int daysLate = 0, int level = 0, int returns = 0, int ahead = 0)
    {
        var facts = new UnitCycleFacts(id, onTime + late + missing + pending, onTime + late, onTime, late, missing, pending, daysLate, level, returns, ahead, 0);
        return new UnitStanding(id, Names[id], kind, facts, ScoreRule.Default.Score(facts));
    }

    private static readonly Dictionary<string, string> Names = new()
    {
        ["a"] = "甲县政府",
        ["b"] = "乙局",
        ["c"] = "丙局",
        ["d"] = "丁局",
        ["e"] = "戊局",
        ["f"] = "己局",
    };

    private static QuarterStandings Quarter(int n, IReadOnlyList<UnitStanding> units, Dictionary<string, int>? accepted = null, bool open = false) =>
        new(new Quarter(2020, n), $"p-2020Q{n}", open, "景德镇市六稳六保实施方案", "市发改委", new DateOnly(2020, (n * 3) + 1 > 12 ? 12 : (n * 3) + 1, 20), units, accepted ?? []);

    /// <summary>
    /// By hand (default rule: −0.5 per working day late, 黄 −1, 橙 −2, 红 −3, +1 per indicator ahead):
    /// 甲县 +1 +1 0 0 = 2; 乙局 and 丙局 0 every quarter; 丁局 0, −2 (2 days late −1, 黄 −1), −5 (4 days −2, 红 −3), 0 = −7.
    /// </summary>
    private static YearReview Year()
    {
        QuarterStandings q1 = Quarter(1, [Standing("a", UnitKind.CountyGovernment, onTime: 4, ahead: 1), Standing("b", UnitKind.Department, onTime: 3), Standing("c", UnitKind.Department, onTime: 3), Standing("d", UnitKind.Department, onTime: 2)],
            new() { ["a"] = 4, ["b"] = 3, ["c"] = 3 });
        QuarterStandings q2 = Quarter(2, [Standing("a", UnitKind.CountyGovernment, onTime: 4, ahead: 1), Standing("b", UnitKind.Department, onTime: 3), Standing("c", UnitKind.Department, onTime: 3), Standing("d", UnitKind.Department, onTime: 1, late: 1, daysLate: 2, level: 1)],
            new() { ["a"] = 4, ["b"] = 3, ["c"] = 3 });
        QuarterStandings q3 = Quarter(3, [Standing("a", UnitKind.CountyGovernment, onTime: 4), Standing("b", UnitKind.Department, onTime: 3), Standing("c", UnitKind.Department, onTime: 3), Standing("d", UnitKind.Department, onTime: 1, missing: 1, daysLate: 4, level: 3)],
            new() { ["a"] = 4, ["b"] = 3 });
        QuarterStandings q4 = Quarter(4, [Standing("a", UnitKind.CountyGovernment, onTime: 2, pending: 2), Standing("b", UnitKind.Department, onTime: 3), Standing("c", UnitKind.Department, onTime: 3), Standing("d", UnitKind.Department, pending: 2)],
            new() { ["a"] = 2, ["b"] = 3 }, open: true);
        return YearRecords.Compile("p", 2020, [q4, q2, q1, q3]);
    }

    [Fact]
    public void Units_are_ranked_by_the_sum_of_their_quarter_scores_and_equal_scores_share_a_rank_the_next_rank_skipping()
    {
        YearReview year = Year();

        year.Units.Select(u => (u.UnitId, u.Score, u.Rank)).Should().Equal(("a", 2m, 1), ("b", 0m, 2), ("c", 0m, 2), ("d", -7m, 4));
    }

    [Fact]
    public void A_quarter_counts_on_time_over_owed_and_an_open_quarters_reports_not_yet_due_are_not_owed()
    {
        YearReview year = Year();
        UnitYear a = year.Units.Single(u => u.UnitId == "a");
        UnitYear d = year.Units.Single(u => u.UnitId == "d");

        a.In(4)!.Owed.Should().Be(2, "two of its four reports are not due yet");
        a.In(4)!.OnTimeRate.Should().Be(100m);
        a.In(4)!.Open.Should().BeTrue();
        d.In(4)!.OnTimeRate.Should().BeNull("nothing of 丁局's was due yet");
        d.In(2)!.OnTimeRate.Should().Be(50m);
        d.In(3)!.Should().BeEquivalentTo(new { Owed = 2, OnTime = 1, LateTasks = 1, Missing = 1, HighestLevel = 3, Score = -5m });
        (d.LateTasks, d.Missing, d.HighestLevel, d.OnTimeRate).Should().Be((2, 1, 3, 66.7m));
        year.Units.Single(u => u.UnitId == "b").Accepted.Should().Be(12);
        year.Quarters.Select(q => q.Number).Should().Equal(1, 2, 3, 4);
        year.InProgress.Should().BeTrue();
        year.Quarters[3].Label(2020).Should().Be("2020年第四季度（进行中）");
    }

    [Fact]
    public void Commendation_needs_a_clean_year_with_accepted_reports_and_at_most_a_fifth_of_the_units_are_named()
    {
        YearReview year = Year();

        // 乙局 is clean too with all 12 reports accepted, but four units allow one name and 甲县 scores more; 丙局 had 6 of 12 accepted.
        year.Commended.Should().ContainSingle().Which.Should().Be(
            new YearMention("a", "甲县政府", 1, 2m, "四个季度均按时报送，无退回，未被督办，14份报告均经审核通过，年度得分+2分"));
    }

    [Fact]
    public void Units_equal_at_the_last_commended_place_are_named_together()
    {
        UnitStanding[] clean = [Standing("b", UnitKind.Department, onTime: 2), Standing("c", UnitKind.Department, onTime: 2), Standing("d", UnitKind.Department, onTime: 2, late: 1, daysLate: 1)];
        Dictionary<string, int> all = new() { ["b"] = 2, ["c"] = 2, ["d"] = 3 };

        YearReview year = YearRecords.Compile("p", 2020, [Quarter(1, clean, all), Quarter(2, clean, all)]);

        year.Commended.Select(m => m.UnitId).Should().Equal(["b", "c"], "three units allow one name, but 乙局 and 丙局 cannot be told apart");
    }

    [Fact]
    public void A_return_a_missing_quarter_or_a_single_quarter_rules_commendation_out()
    {
        Dictionary<string, int> all = new() { ["b"] = 2, ["c"] = 2, ["e"] = 2 };
        QuarterStandings q1 = Quarter(1, [Standing("b", UnitKind.Department, onTime: 2, returns: 1), Standing("c", UnitKind.Department, onTime: 2), Standing("e", UnitKind.Department, onTime: 2)], all);
        QuarterStandings q2 = Quarter(2, [Standing("b", UnitKind.Department, onTime: 2), Standing("c", UnitKind.Department, onTime: 2)], all);

        YearRecords.Compile("p", 2020, [q1, q2]).Commended.Select(m => m.UnitId).Should().Equal(["c"], "乙局 had a return, 戊局 owed nothing in Q2");
        YearRecords.Compile("p", 2020, [q1]).Commended.Should().BeEmpty("one quarter is not a year's record");
    }

    [Fact]
    public void Accountability_follows_a_red_escalation_three_late_reports_or_a_year_score_at_minus_six_each_with_its_reason()
    {
        UnitStanding Late(string id) => Standing(id, UnitKind.Department, onTime: 1, late: 1, daysLate: 1);
        QuarterStandings q1 = Quarter(1, [Late("b"), Standing("c", UnitKind.Department, onTime: 2), Standing("e", UnitKind.Department, missing: 1, daysLate: 2, level: 3, returns: 2)]);
        QuarterStandings q2 = Quarter(2, [Late("b"), Late("c"), Standing("e", UnitKind.Department, onTime: 1)]);
        QuarterStandings q3 = Quarter(3, [Late("b"), Standing("c", UnitKind.Department, onTime: 2), Standing("f", UnitKind.Department, late: 1, daysLate: 6, level: 2, returns: 2)]);

        YearReview year = YearRecords.Compile("p", 2020, [q1, q2, q3]);

        // 戊局: −1 (2 days) −3 (红) −1 (2 returns) = −5; 己局: −3 −2 −1 = −6; 乙局: 3 × −0.5 = −1.5; 丙局 −0.5 is not accountable.
        year.Accountable.Select(m => (m.UnitId, m.Reason)).Should().Equal(
            ("f", "全年1项任务逾期，最高升级至二级（橙色），退回修改2次，年度得分−6分"),
            ("e", "全年1项任务逾期（其中1项未报送），最高升级至三级（红色），退回修改2次，年度得分−5分"),
            ("b", "全年3项任务逾期，年度得分−1.5分"));
    }

    [Fact]
    public void Units_that_owed_nothing_are_left_out_and_ties_are_listed_counties_first()
    {
        QuarterStandings q1 = Quarter(1, [Standing("b", UnitKind.Department, onTime: 1), Standing("a", UnitKind.CountyGovernment, onTime: 1), Standing("f", UnitKind.Department)]);

        YearRecords.Compile("p", 2020, [q1]).Units.Select(u => (u.UnitId, u.Rank)).Should().Equal(("a", 1), ("b", 1));
    }

    [Fact]
    public void The_year_document_has_the_ranking_the_score_chart_and_both_lists_with_reasons_as_a_gongwen()
    {
        YearReview year = Year();

        ReportDocument doc = YearLayout.Build(year);

        doc.Title.Should().Be("关于2020年度“六稳六保”工作各责任单位落实情况的考评报告（预览）");
        doc.Closing.Should().Be("特此报告。");
        doc.Signature.Should().Be("市发改委");
        doc.Body.OfType<HeadingBlock>().Select(h => h.Text).Should().Equal("一、总体情况", "二、年度排名", "三、拟表扬单位", "四、拟问责单位");
        BarChart chart = doc.Body.OfType<ChartBlock>().Single().Chart;
        chart.Categories.Should().Equal("1.甲县政府", "2.乙局", "2.丙局", "4.丁局");
        chart.Series.Single().Values.Should().Equal(2m, 0m, 0m, -7m);
        (chart.Min, chart.Max, chart.TickStep).Should().Be((-8m, 2m, 2m), "the range −7…2 is 9 points: ticks every 2");
        TableBlock ranking = doc.Body.OfType<TableBlock>().First();
        ranking.Columns.Select(c => c.Header).Should().Equal("名次", "单位", "类别", "一季度", "二季度", "三季度", "四季度（进行中）", "逾期", "退回", "审核通过", "年度得分");
        ranking.Rows[3].Cells.Select(c => c.Text).Should().Equal("4", "丁局", "市直部门", "0分/100%", "−2分/50%", "−5分/50%", "0分/未到期", "2", "0", "0", "−7");
        List<TableBlock> lists = [.. doc.Body.OfType<TableBlock>().Skip(1)];
        lists[0].Rows.Single().Cells.Select(c => c.Text).Should().Equal("1", "甲县政府", "+2", "四个季度均按时报送，无退回，未被督办，14份报告均经审核通过，年度得分+2分");
        lists[1].Rows.Single().Cells[1].Text.Should().Be("丁局");
        lists[1].Rows.Single().Cells[3].Text.Should().Be("全年2项任务逾期（其中1项未报送），最高升级至三级（红色），年度得分−7分");
    }
}
