using SixStability.Core.Plans;
using SixStability.Core.Plans.Documents;
using SixStability.Core.Plans.Review;
using Cell = SixStability.Core.Tests.Plans.DocxFiles.Cell;

namespace SixStability.Core.Tests.Plans;

/// <summary>
/// The variants of each form the issue lists, written for these tests (the examples of issue 15 and the two
/// shapes no real public text was found for: 完成时限 lines and a 完成时限 column). Real documents of every
/// form are in <see cref="RealPlanFormTests"/>.
/// </summary>
public sealed class PlanFormTests
{
    private static PlanDraft Draft(string text) => PlanProbe.Draft(PlanDocument.FromText(text));

    [Fact]
    public void Lead_and_partner_units_separated_by_a_comma_or_with_only_the_lead_named()
    {
        PlanDraft draft = Draft("""
            某市实施方案
            2021年3月1日
            一、稳就业
            （一）稳岗。内容。（牵头单位：市发展改革委，配合单位：市财政局、市人力资源社会保障局，各区政府）
            （二）扩岗。内容。（牵头单位：市人力资源社会保障局）
            （三）兜底。内容。（牵头单位：市民政局、市财政局；配合单位：各区政府）
            """);

        PlanProbe.Units(draft).Should().Equal(
            ("市发展改革委", "市财政局、市人力资源社会保障局、各区政府"),
            ("市人力资源社会保障局", ""),
            ("市民政局、市财政局", "各区政府"));
        draft.Catalog.FindTask(3)!.LeadCount.Should().Be(2, "two 牵头单位 are kept as two leads");
        draft.Catalog.FindTask(1)!.LeadCount.Should().BeNull("one lead needs no count: the JSON stays as before");
    }

    [Fact]
    public void Units_with_fu_ze_the_lead_rule_stated_once_ministries_without_the_city_and_a_county_group()
    {
        PlanDraft draft = Draft("""
            关于做好稳就业工作的实施意见
            2020年5月6日
            一、强化稳就业举措
            （一）减负稳岗。落实社保费减免政策。（市人力资源社会保障局、市财政局负责。列第一位者为牵头单位，下同）
            （二）扩大投资。加快项目建设。（财政部、农业农村部负责）
            （三）促进消费。发放消费券。（市商务局、市财政局等有关部门按职责分工负责）
            （四）加强培训。开展技能培训。（市人力资源社会保障局牵头，市教育局、市财政局参与）
            （五）兜牢底线。做好困难群众基本生活保障。（各县级人民政府负责）
            """);

        PlanProbe.Units(draft).Should().Equal(
            ("市人力资源社会保障局", "市财政局"),
            ("财政部", "农业农村部"),
            ("市商务局", "市财政局"),
            ("市人力资源社会保障局", "市教育局、市财政局"),
            ("各县级人民政府", ""));
        draft.Tasks.ElementAt(2).OtherUnits.Should().BeTrue();
        draft.Tasks.Should().AllSatisfy(t => t.Text.Should().NotContain("负责").And.NotContain("下同"));
        draft.Warnings.Should().BeEmpty("the lead rule is understood, not a note to check");
    }

    [Fact]
    public void Units_and_a_deadline_on_lines_of_their_own_after_the_task()
    {
        PlanDraft draft = Draft("""
            某市城市更新工作方案
            2021年2月1日
            一、重点任务
            1.推进老旧小区改造。完成老旧小区改造120个。
            责任单位：市住建局、市城管局
            完成时限：2021年6月底前
            2.完善停车设施。
            牵头单位：市公安局
            配合单位：市住建局、市自然资源局
            完成时限：2021年12月底前
            """);

        PlanProbe.Units(draft).Should().Equal(("市住建局", "市城管局"), ("市公安局", "市住建局、市自然资源局"));
        draft.Tasks.Select(t => t.Deadlines.Single().Date).Should().Equal(new DateOnly(2021, 6, 30), new DateOnly(2021, 12, 31));
        draft.Tasks.First().Deadlines.Single().Text.Should().Be("2021年6月底前");
        draft.Tasks.First().Indicators.Should().ContainSingle().Which.Should().Be(new Indicator("完成老旧小区改造120个", 120, "个", IndicatorKind.Cumulative));
    }

    [Fact]
    public void A_group_heading_over_numbered_items_is_not_an_item_and_gives_its_units_to_items_naming_none()
    {
        PlanDraft draft = Draft("""
            某市实施方案
            2021年1月5日
            一、保市场主体
            （一）减轻企业负担（责任单位：市财政局、市税务局）
            1.落实减税降费。严格执行各项政策。
            2.清理拖欠账款。2021年10月底前完成清零。（责任单位：市工信局）
            （二）强化融资支持
            1.扩大信贷投放。（责任单位：人行市中心支行）
            """);

        draft.Items.Select(i => (i.Label, i.Title)).Should().Equal(("1.", "落实减税降费"), ("2.", "清理拖欠账款"), ("1.", "扩大信贷投放"));
        PlanProbe.Units(draft).Should().Equal(("市财政局", "市税务局"), ("市工信局", ""), ("人行市中心支行", ""));
        draft.Catalog.Tasks.Select(t => (t.Number, t.Label)).Should().Equal((1, "1."), (2, "2."), (3, "1."));
        draft.Warnings.Should().BeEmpty("1. restarts under each group heading");
    }

    [Fact]
    public void Headings_restarting_in_every_section_give_distinct_task_numbers_and_keep_their_own_labels()
    {
        PlanDraft draft = Draft("""
            某市实施方案
            2021年1月5日
            一、总体要求
            （一）指导思想。以……为指导。
            （二）基本原则。坚持稳中求进。
            二、重点任务
            （一）稳就业。内容。（责任单位：市人社局）
            （二）保民生。内容。（责任单位：市民政局）
            三、保障措施
            （一）加强组织领导。各地各部门要加强领导。
            """);

        draft.Tasks.Select(t => (t.Number, t.TaskNumber, t.Label, t.Title)).Should().Equal((3, 1, "（一）", "稳就业"), (4, 2, "（二）", "保民生"));
        draft.NotTasks.Select(i => i.Title).Should().Equal("指导思想", "基本原则", "加强组织领导");
        draft.Catalog.Sections.Should().ContainSingle().Which.Should().Match<PlanSection>(s => s.Number == 2 && s.Title == "重点任务");
        draft.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void A_task_table_with_a_deadline_column_a_responsible_column_and_a_task_cell_merged_over_its_measures()
    {
        byte[] docx = DocxFiles.WithTable(["某市重点任务分工方案", "2021年3月2日"],
        [
            [new Cell("序号"), new Cell("重点任务"), new Cell("具体措施"), new Cell("责任单位"), new Cell("完成时限")],
            [new Cell("一、保居民就业", Span: 5)],
            [new Cell("1"), new Cell("稳定就业岗位", Merge: DocumentFormat.OpenXml.Wordprocessing.MergedCellValues.Restart), new Cell("落实社保费减免。新增就业1.2万人。"), new Cell("市人社局、市财政局"), new Cell("2021年6月底前")],
            [new Cell("2"), new Cell(string.Empty, Merge: DocumentFormat.OpenXml.Wordprocessing.MergedCellValues.Continue), new Cell("开展以工代赈。"), new Cell("市发改委牵头，\n各区政府配合"), new Cell("持续推进")],
            [new Cell("二、保基本民生", Span: 5)],
            [new Cell("3"), new Cell("完善社会保障"), new Cell(string.Empty), new Cell("市民政局"), new Cell("2021年底前")],
            [new Cell("4"), new Cell("加强宣传"), new Cell("营造良好氛围。"), new Cell(string.Empty), new Cell(string.Empty)],
        ]);

        PlanDraft draft = PlanProbe.Draft(PlanDocument.Read(docx, "分工.docx", null).Value!);

        draft.Sections.Select(s => (s.Number, s.Title)).Should().Equal((1, "保居民就业"), (2, "保基本民生"));
        draft.Tasks.Select(t => (t.Label, t.Title, t.SectionIndex)).Should().Equal(("1", "落实社保费减免", 0), ("2", "开展以工代赈", 0), ("3", "完善社会保障", 1));
        PlanProbe.Units(draft).Should().Equal(("市人社局", "市财政局"), ("市发改委", "各区政府"), ("市民政局", ""));
        draft.Tasks.Select(t => t.Deadlines.Select(d => d.Date).SingleOrDefault()).Should().Equal(new DateOnly(2021, 6, 30), default, new DateOnly(2021, 12, 31));
        draft.Tasks.First().Indicators.Single().Target.Should().Be(12000);
        draft.NotTasks.Should().ContainSingle().Which.Should().Match<PlanItem>(i => i.Title == "加强宣传" && i.Location.ToString() == "表1第7行");
    }

    [Fact]
    public void A_first_row_whose_task_reads_like_a_header_word_is_a_task_and_a_two_row_header_is_one_header()
    {
        byte[] docx = DocxFiles.WithTable(["某市工作方案", "2021年3月2日"],
        [
            [new Cell("序号"), new Cell("工作任务"), new Cell("责任单位", Span: 2)],
            [new Cell(string.Empty), new Cell(string.Empty), new Cell("牵头单位"), new Cell("配合单位")],
            [new Cell("1"), new Cell("推进重点工作"), new Cell("市发改委"), new Cell("市财政局")],
            [new Cell("2"), new Cell("落实工作任务"), new Cell("市人社局"), new Cell(string.Empty)],
        ]);

        PlanDraft draft = PlanProbe.Draft(PlanDocument.Read(docx, "分工.docx", null).Value!);

        draft.Tasks.Select(t => t.Title).Should().Equal("推进重点工作", "落实工作任务");
        PlanProbe.Units(draft).Should().Equal(("市发改委", "市财政局"), ("市人社局", ""));
    }

    [Fact]
    public void Items_numbered_1_with_a_comma_a_full_width_dot_or_full_width_digits_read_alike()
    {
        PlanDraft draft = Draft("""
            某市工作要点
            2022年1月4日
            一、重点工作
            1、抓好春耕。内容。（责任单位：市农业农村局）
            2．做好防汛。内容。（责任单位：市水利局）
            ３．保障供电。内容。（责任单位：市发改委）
            """);

        draft.Tasks.Select(t => (t.Label, t.Title)).Should().Equal(("1、", "抓好春耕"), ("2．", "做好防汛"), ("3．", "保障供电"));
        draft.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void A_warning_about_a_table_row_says_which_table_and_row()
    {
        byte[] docx = DocxFiles.WithTable(["某市分工方案", "2021年3月2日"],
        [
            [new Cell("序号"), new Cell("工作任务"), new Cell("责任单位")],
            [new Cell("1"), new Cell("推进改革。"), new Cell("市发改委等有关部门。以下各项均需各县区落实")],
        ]);

        PlanDraft draft = PlanProbe.Draft(PlanDocument.Read(docx, "分工.docx", null).Value!);

        draft.Warnings.Select(w => w.ToString()).Should().ContainSingle().Which.Should().StartWith("表1第2行：推进改革：责任单位后附有说明“以下各项均需各县区落实”");
        draft.Tasks.Single().Should().Match<PlanItem>(t => t.OtherUnits && t.Units.Count == 1 && t.Units[0] == "市发改委");
    }

    [Fact]
    public void A_plan_without_section_headings_puts_its_tasks_in_one_section()
    {
        PlanDraft draft = Draft("""
            某区重点工作清单
            2022年2月8日
            1.抓好春耕生产。（区农业农村局负责）
            2.做好防汛准备。（区水利局、区应急管理局负责）
            """);

        draft.Catalog.Sections.Should().ContainSingle().Which.Should().Match<PlanSection>(s => s.Number == 1 && s.Title == "主要任务" && s.Tasks.Count == 2);
    }
}
