using SixStability.Core.Calendar;
using SixStability.Core.Cycles;
using SixStability.Core.Plans;
using SixStability.Core.Reports;
using SixStability.Core.Reports.Layout;
using SixStability.Core.Submissions;

namespace SixStability.Core.Tests.Reports;

/// <summary>The report laid out as a 公文: its parts in order, the units' own words in it, whole sentences only.</summary>
public sealed class ReportLayoutTests
{
    private static readonly DateOnly Due = new(2020, 10, 14);

    private static readonly PlanCatalog Plan = new("p", "做好“六稳”工作落实“六保”任务实施方案",
    [
        new PlanSection(2, "保居民就业", [new PlanTask(1, "稳定就业岗位", "…", ["甲局", "乙局", "丙县"], [new Indicator("新增就业", 20000m, "人")], [])]),
        new PlanSection(3, "保基本民生", [new PlanTask(2, "完善社会保障", "…", ["乙局", "甲局", "丙县"], [], [])]),
    ]);

    // Task 1: the lead (甲局) consolidates. Task 2: the lead (乙局) never reports, so its co-units speak for it.
    private static readonly Dictionary<(string Unit, int Task), string> Written = new()
    {
        [("a", 1)] = "甲局牵头召开就业工作联席会议3次。全市新增城镇就业1.6万人，完成年度目标的80%。发放稳岗返还资金2100万元，惠及企业860家。",
        [("b", 1)] = "乙局配合开展线上招聘会12场。提供岗位4500个。",
        [("c", 1)] = "丙县组织返乡人员专场招聘。",
        [("a", 2)] = "甲局为困难群众发放临时价格补贴960万元。" + new string('补', 200) + "。这一句在预算之外。",
        [("c", 2)] = "丙县将符合条件的1200名失业人员纳入救助范围。落实公益性岗位安置。",
    };

    private static CycleSummary Summary(bool final = true, ScoreRule? rule = null)
    {
        Obligation Obligation(string unit, int task, bool lead, bool submitted)
        {
            var o = new Obligation("p-2020Q3", unit, task, lead, ObligationState.Outstanding, Due);
            return submitted ? o.Submit(ChinaTime.At(Due.AddDays(-1), new TimeOnly(9, 0)), Due.AddDays(-1), new ReportedFigures(ReportedFigures.OnTrack, lead ? [new IndicatorReading("新增就业", 16000m)] : [])) : o;
        }

        (Obligation, ReportText?)[] reports =
        [
            (Obligation("a", 1, true, true), new ReportText(Written[("a", 1)], "部分企业用工需求下降。", "继续开展“百千万”招聘活动。")),
            (Obligation("b", 1, false, true), new ReportText(Written[("b", 1)], "线上招聘匹配率不高。")),
            (Obligation("c", 1, false, true), new ReportText(Written[("c", 1)])),
            (Obligation("b", 2, true, false), null),
            (Obligation("a", 2, false, true), new ReportText(Written[("a", 2)], null, "扩大临时救助覆盖面。")),
            (Obligation("c", 2, false, true), new ReportText(Written[("c", 2)])),
        ];
        var input = new SummaryInput("p-2020Q3", new Quarter(2020, 3), Plan, SummaryCompilerTests.Directory, HolidayCn.Calendar(), new DateOnly(2020, 10, 23), final, 3, at => DateOnly.FromDateTime(ChinaTime.ToChina(at).DateTime), Score: rule);
        return SummaryCompiler.CompileWithTexts(input, reports);
    }

    private static string AllText(ReportDocument d) => string.Concat(
        d.Body.Concat(d.Annexes.SelectMany(a => a.Blocks)).Select(b => b switch
        {
            ParagraphBlock p => (p.LeadIn ?? string.Empty) + p.Text,
            HeadingBlock h => h.Text,
            TableBlock t => string.Concat(t.Rows.SelectMany(r => r.Cells).Select(c => c.Text)),
            _ => string.Empty,
        }));

    [Fact]
    public void Every_lead_units_consolidated_sentences_are_in_the_report_and_no_sentence_is_cut()
    {
        string text = AllText(ReportLayout.Build(Summary()));

        foreach (string sentence in Sentences.Split(Written[("a", 1)]))
        {
            text.Should().Contain(sentence, "the lead unit's account is the task's consolidated account");
        }

        text.Should().Contain("牵头单位甲局汇总报告：甲局牵头召开就业工作联席会议3次。");
        text.Should().NotContain("乙局配合开展线上招聘会", "where the lead consolidated, co-units are not repeated");
        foreach (string sentence in Written.Values.SelectMany(Sentences.Split))
        {
            string start = sentence[..Math.Min(10, sentence.Length)];
            if (text.Contains(start, StringComparison.Ordinal))
            {
                text.Should().Contain(sentence, $"“{start}…” appears, so the whole sentence must");
            }
        }
    }

    [Fact]
    public void Without_the_lead_units_account_each_co_unit_speaks_in_its_first_sentences_under_its_own_name()
    {
        CycleSummary summary = Summary();
        TaskSummary task = summary.Tasks.Single(t => t.Number == 2);
        string text = AllText(ReportLayout.Build(summary));

        task.Accounts!.Select(a => (a.Unit, a.Lead)).Should().Equal(("甲局", false), ("丙县", false));
        task.Accounts![0].Progress.Should().Be("甲局为困难群众发放临时价格补贴960万元。");
        text.Should().Contain("牵头单位乙局未报送。各责任单位报告：甲局：甲局为困难群众发放临时价格补贴960万元。丙县：丙县将符合条件的1200名失业人员纳入救助范围。");
        text.Should().NotContain("这一句在预算之外");
    }

    [Fact]
    public void The_report_is_a_gongwen_addressee_title_body_closing_attachments_signature_and_date()
    {
        ReportDocument d = ReportLayout.Build(Summary(), new ReportOptions(DocumentNumber: "景发改字〔{year}〕{quarter}号"));

        d.DocumentNumber.Should().Be("景发改字〔2020〕3号");
        d.Title.Should().Be("关于2020年第三季度“六稳六保”工作落实情况的报告");
        d.Addressee.Should().Be("市人民政府");
        d.Closing.Should().Be("特此报告。");
        d.Signature.Should().Be("市发改委");
        d.Date.Should().Be("2020年10月23日");
        d.AttachmentList.Should().Equal("各项任务落实情况表", "主要指标完成情况表");
        d.Annexes.Select(a => a.Number).Should().Equal(1, 2);
        d.Body.OfType<HeadingBlock>().Where(h => h.Level == 1).Select(h => h.Text).Should().Equal(
            "一、总体情况", "二、主要进展和成效", "三、存在的主要问题", "四、下一步工作打算", "五、报送和督办情况", "六、拟表扬和拟问责");
        ReportLayout.Build(Summary(), new ReportOptions(DocumentNumber: null)).DocumentNumber.Should().BeNull();
    }

    [Fact]
    public void The_plans_sections_are_named_under_the_reports_own_numbers_never_numbered_against_them()
    {
        ReportDocument d = ReportLayout.Build(Summary());

        d.Body.OfType<HeadingBlock>().Where(h => h.Level == 2).Select(h => h.Text).Should().StartWith(["（一）保居民就业方面", "（二）保基本民生方面"]);
        AllText(d).Should().NotContain("二、保居民就业").And.NotContain("三、保基本民生");
        d.Body.OfType<ParagraphBlock>().Where(p => p.LeadIn is not null).Select(p => p.LeadIn).Should().Contain(["1.稳定就业岗位。", "1.完善社会保障。"]);
    }

    [Fact]
    public void Problems_and_next_steps_are_grouped_by_the_plans_sections_and_attributed_to_their_units()
    {
        string text = AllText(ReportLayout.Build(Summary()));

        text.Should().Contain("保居民就业方面：甲局反映，部分企业用工需求下降。");
        text.Should().Contain("保基本民生方面：甲局计划，扩大临时救助覆盖面。");
    }

    [Fact]
    public void The_commendation_table_is_short_and_gives_each_unit_its_score_and_reasons()
    {
        ReportDocument d = ReportLayout.Build(Summary(rule: ScoreRule.Default with { CommendAtLeast = 1m }));
        TableBlock table = d.Body.OfType<TableBlock>().Last();

        table.Columns.Select(c => c.Header).Should().Equal("类别", "单位", "得分", "主要理由");
        table.Rows.Select(r => r.Cells[1].Text).Should().Contain("甲局");
        table.Rows.Single(r => r.Cells[1].Text == "甲局").Cells.Select(c => c.Text).Should().Equal("拟表扬", "甲局", "+1", "1项指标超序时进度或达标（+1）");
    }

    [Fact]
    public void Table_columns_fit_their_content_so_a_task_name_never_wraps_one_character_a_line()
    {
        TableBlock tasks = (TableBlock)ReportLayout.Build(Summary()).Annexes[0].Blocks[0];

        tasks.Columns.Single(c => c.Header == "任务").MinChars.Should().BeGreaterThanOrEqualTo(TableFit.LongTextMin);
        tasks.Columns.Single(c => c.Header == "序号").MinChars.Should().BeLessThan(4);
        tasks.Columns.Sum(c => c.Share).Should().BeApproximately(1.0, 1e-9);
        tasks.Rows.Where(r => r.Group).Select(r => r.Cells[0].Text).Should().Equal("保居民就业", "保基本民生");
    }

    [Fact]
    public void A_preview_says_so_in_its_title_and_first_paragraph()
    {
        ReportDocument d = ReportLayout.Build(Summary(final: false));

        d.Preview.Should().BeTrue();
        d.Title.Should().EndWith("（预览）");
        d.Body.OfType<ParagraphBlock>().First(p => p.Note).Text.Should().StartWith("（本稿为预览稿，数据截至2020年10月23日。");
    }

    [Theory]
    [InlineData("市发改委", 5.7, 4)] // short: centred over a date set four characters in
    [InlineData("市发改委（六稳六保工作专班）", 2, 6.6)] // long: two in, the date starting two right of it
    public void The_signature_and_date_are_placed_as_the_standard_sets_them(string signature, double signatureIndent, double dateIndent)
    {
        ReportDocument d = ReportLayout.Build(Summary()) with { Signature = signature };

        d.SignatureIndents.Signature.Should().BeApproximately(signatureIndent, 1e-9);
        d.SignatureIndents.Date.Should().BeApproximately(dateIndent, 1e-9);
    }
}
