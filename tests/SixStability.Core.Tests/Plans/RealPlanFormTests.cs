using SixStability.Core.Plans;
using SixStability.Core.Plans.Documents;
using SixStability.Core.Plans.Review;
using Cell = SixStability.Core.Tests.Plans.DocxFiles.Cell;

namespace SixStability.Core.Tests.Plans;

/// <summary>
/// Real public plans of every form (plans/README.md says where each came from): every task found, its lead
/// units and partners as the document names them, nothing that is not a task counted as one.
/// </summary>
public sealed class RealPlanFormTests
{
    [Fact]
    public void Form1_Sichuan_hexagonal_brackets_with_duty_words_and_a_note_for_the_tasks_after()
    {
        PlanDraft draft = PlanProbe.Draft("form1-sichuan-2022.txt");

        draft.Title.Should().Be("四川省“十四五”现代流通体系建设实施方案");
        draft.Issued.Should().Be(new DateOnly(2022, 10, 18));
        draft.Tasks.Select(t => (t.Label, t.Title)).Should().Equal(("（一）", "加强市场体系建设"), ("（二）", "优化市场准入环境"));
        PlanProbe.Units(draft).Should().Equal(("省发展改革委", "省市场监管局、商务厅、省大数据中心"), ("省市场监管局", ""));
        draft.Tasks.First().Note.Should().Be("具体任务均涉及相关市(州)人民政府,不再做分工,下同");
        draft.Warnings.Should().ContainSingle(w => w.Line == 8 && w.Message.Contains("具体任务均涉及相关市(州)人民政府", StringComparison.Ordinal));
        draft.Tasks.Last().Text.Should().Contain("(预包装食品)", "a bracket inside a sentence is text, not units");
        draft.NotTasks.Should().BeEmpty();
    }

    [Fact]
    public void Form1_Huaian_units_ending_in_others_and_a_note_that_the_counties_carry_every_measure()
    {
        PlanDraft draft = PlanProbe.Draft("form1-huaian-2022.txt");

        draft.Title.Should().Be("关于进一步帮助市场主体纾困解难着力稳定经济增长的具体实施细则");
        draft.Tasks.Should().HaveCount(2);
        PlanProbe.Units(draft).Should().Equal(("市工信局", "市财政局、各县区人民政府、园区管委会"), ("市工信局", "市财政局"));
        draft.Tasks.First().OtherUnits.Should().BeTrue("the list ends in 等有关部门");
        draft.Tasks.First().Note.Should().StartWith("以下政策措施均需各县区人民政府、园区管委会落实");
        draft.Tasks.Last().OtherUnits.Should().BeFalse();
    }

    [Fact]
    public void Form2_Guangzhou_2006_lead_and_partner_units_with_partners_written_without_the_city()
    {
        PlanDraft draft = PlanProbe.Draft("form2-guangzhou-2006.txt");

        draft.Title.Should().Be("2006年《政府工作报告》要求重点做好的工作事项");
        draft.Issued.Should().Be(new DateOnly(2006, 4, 28), "二○○六年四月二十八日");
        draft.Sections.Should().ContainSingle().Which.Should().Be(new DraftSection(1, "努力构建现代产业体系,促进经济又快又好发展"));
        draft.Tasks.Select(t => t.Label).Should().Equal("（一）", "（二）", "（三）", "（四）", "（五）", "（六）");
        PlanProbe.Units(draft).Should().Equal(
            ("市经贸委", "市发改委、国土房管局、外经贸局、规划局"),
            ("市发改委", "市经贸委、国土房管局、规划局、黄埔区政府、南沙区政府"),
            ("市发改委", "市经贸委、科技局、外经贸局"),
            ("市交委", "市经贸委、外经贸局"),
            ("市金融办", "市国土房管局、规划局"),
            ("市经贸委", "市建委、国土房管局"));
        draft.Tasks.Select(t => t.Title).Should().StartWith("加快建设东部、花都、南沙三大汽车产业基地");
        draft.NotTasks.Should().BeEmpty();
        draft.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Form2_Xining_lead_and_responsible_units_in_one_bracket_under_a_group_heading()
    {
        PlanDraft draft = PlanProbe.Draft("form2-xining-2017.txt");

        draft.Title.Should().Be("加快西宁市流通业发展实施意见");
        draft.Tasks.Should().ContainSingle().Which.Should().Match<PlanItem>(t => t.Label == "1." && t.Title == "提高流通管理部门管理效能");
        PlanProbe.Units(draft).Should().Equal(("市商务局", "市编办、市发改委、市法制办、各区县政府"));
        draft.Items.Should().HaveCount(1, "一、主要工作目标 is prose and （一）深化流通体制改革 a group heading, neither an item");
        draft.Catalog.Sections.Should().ContainSingle().Which.Title.Should().Be("加快流通业发展的重点工作任务");
    }

    [Fact]
    public void Form3_Dongguan_units_closing_each_measure_with_fu_ze()
    {
        PlanDraft draft = PlanProbe.Draft("form3-dongguan-2021.txt");

        draft.Title.Should().Be("东莞市人民政府关于贯彻落实《广东省进一步稳定和扩大就业若干政策措施》的实施意见");
        draft.Tasks.Select(t => t.Label).Should().Equal("1.", "2.");
        PlanProbe.Units(draft).Should().Equal(("市人力资源社会保障局", "市医保局、市财政局、市税务局"), ("市残联", "市财政局、市税务局"));
        draft.Tasks.Last().Text.Should().Contain("30人(含)以下").And.Contain("(即征收所属期为2021年度)").And.NotContain("负责");
        draft.Tasks.First().Deadlines.Select(d => d.Date).Should().NotContain(new DateOnly(2021, 5, 1), "2021年5月1日起 is when a rate starts, not a deadline");
        draft.NotTasks.Should().BeEmpty();
    }

    [Fact]
    public void Form3_Shijiazhuang_one_lead_and_partners_named_without_the_city()
    {
        PlanDraft draft = PlanProbe.Draft("form3-shijiazhuang.txt");

        draft.Title.Should().Be("关于促进居民收入增长的实施意见");
        draft.Tasks.Should().ContainSingle().Which.Title.Should().Be("完善政策体系扶持就业");
        PlanProbe.Units(draft).Should().Equal(("市人社局", "市发改委、财政局、商务局、金融办、工商局、地税局"));
        draft.Tasks.Single().Indicators.Should().ContainSingle().Which.Should().Be(new Indicator("城镇登记失业率控制在4.5%以内", 4.5m, "%", IndicatorKind.AtMost));
        draft.Items.Should().HaveCount(1, "一、总体目标 is prose");
    }

    [Fact]
    public void Form4_Lishan_lead_and_responsible_unit_lines_after_each_target()
    {
        PlanDraft draft = PlanProbe.Draft("form4-lishan-2023.txt");

        draft.Title.Should().Be("立山区政府2023年重点工作任务分解和责任分工方案", "the title wraps over two lines");
        draft.Issued.Should().Be(new DateOnly(2023, 3, 28));
        draft.Tasks.Select(t => t.Title).Should().Equal(
            "努力实现地区生产总值增长6.2%左右", "规模上工业增加值增长5%左右", "固定资产投资增长15%左右",
            "社会消费品零售总额增长9%左右", "一般公共预算收入增长8%左右", "居民收入增长与经济增长基本同步");
        PlanProbe.Units(draft).Should().Equal(
            ("区发改局", "立山经济开发区、全区经济运行各专班"),
            ("区工信局", "立山经济开发区"),
            ("区发改局", "立山经济开发区、各街道、区直各部门"),
            ("区商务局", "各街道、区市场局"),
            ("区财政局", "立山经济开发区、各街道、税务局"),
            ("区发改局", "各街道、各相关单位"));
        draft.Tasks.First().Indicators.Should().ContainSingle().Which.Should().Be(new Indicator("努力实现地区生产总值增长6.2%左右", 6.2m, "%", IndicatorKind.Level));
        draft.Tasks.Select(t => t.Location.Line).Should().Equal(13, 16, 19, 22, 25, 28);
    }

    [Fact]
    public void Form4_Tongxiang_responsible_unit_line_with_the_lead_rule_stated_once()
    {
        PlanDraft draft = PlanProbe.Draft("form4-tongxiang-2020.txt");

        draft.Title.Should().Be("2020年政府工作报告主要工作责任分解");
        draft.Tasks.Should().HaveCount(2);
        PlanProbe.Units(draft).Should().Equal(
            ("财政局", "发改局、经信局、科技局、商务局、人才办、金融发展服务中心、服务业局、建设局、农业农村局、文化和广电旅游体育局、工商联"),
            ("发改局", "经信局、财政局、金融发展服务中心、税务局、人民银行"));
        draft.Tasks.SelectMany(t => t.Units).Should().NotContain(u => u.Contains("列第一位", StringComparison.Ordinal));
        draft.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Form4_Caidian_targets_numbered_in_brackets_after_a_notice_numbered_like_sections()
    {
        PlanDraft draft = PlanProbe.Draft("form4-caidian-2023.txt");

        draft.Title.Should().Be("2023年区《政府工作报告》确定的主要目标任务责任分解方案");
        draft.Issued.Should().Be(new DateOnly(2023, 1, 3));
        draft.Sections.Should().ContainSingle("the notice's 一、二、三、 are not the plan's").Which.Title.Should().Be("2023年全区经济社会发展的主要预期目标");
        draft.Tasks.Select(t => (t.Label, t.Title)).Should().Equal(("（一）", "地区生产总值增长7%以上"), ("（二）", "规上工业增加值增长12%以上"), ("（三）", "固定资产投资增长10%以上"));
        PlanProbe.Units(draft).Should().Equal(("区发展和改革局", ""), ("区科技和经信局", ""), ("区发展和改革局", ""));
        draft.Tasks.Select(t => t.Indicators.Single().Kind).Should().AllBeEquivalentTo(IndicatorKind.Level);
    }

    [Fact]
    public void Form4_Guangdong_division_of_work_line_with_the_leader_line_left_out()
    {
        PlanDraft draft = PlanProbe.Draft("form4-guangdong-2021.txt");

        draft.Tasks.Select(t => t.Title).Should().Equal("地区生产总值增长6%以上", "地方一般公共预算收入增长5%左右", "固定资产投资增长8%左右", "社会消费品零售总额增长6%以上");
        PlanProbe.Units(draft).Should().Equal(("省发展改革委", "各地、各部门"), ("省财政厅", "各地、各部门"), ("省发展改革委", "各地、各部门"), ("省商务厅", "各地、各部门"));
        draft.Tasks.Should().AllSatisfy(t => t.Text.Should().NotContain("林克庆").And.NotContain("张新"));
    }

    [Fact]
    public void Form5_Guangzhou_2021_Word_table_with_a_section_row_a_group_row_and_shared_suffixes()
    {
        PlanResult<PlanDocument> read = PlanDocument.Read(GuangzhouTable(), "2021年市政府工作报告部署工作责任分工.docx", null);

        PlanDraft draft = PlanProbe.Draft(read.Value!);

        draft.Title.Should().Be("2021年市政府工作报告部署工作责任分工");
        draft.Issued.Should().Be(new DateOnly(2021, 2, 23));
        draft.Sections.Should().ContainSingle().Which.Title.Should().Be("强化科技创新支撑能力");
        draft.Tasks.Select(t => (t.Label, t.Title, t.Location.ToString())).Should().Equal(
            ("1", "加快建设以中新知识城、南沙科学城为极点,链接全市域科技创新关键节点的科技创新轴", "表1第4行"),
            ("2", "全力做好呼吸领域国家实验室筹建保障服务工作", "表1第5行"));
        PlanProbe.Units(draft).Should().Equal(
            ("市科技局", "黄埔区政府、南沙区政府"),
            ("市科技局", "市政府办公厅、市发展改革委、市财政局、市卫生健康委、荔湾区政府、黄埔区政府"));
        draft.Tasks.Should().AllSatisfy(t => t.Text.Should().NotContain("王 东", "the leader column is not the task's text"));
        draft.NotTasks.Should().BeEmpty("the section and （一） rows are headings");
    }

    [Fact]
    public void Items_naming_no_unit_are_kept_as_not_a_task_and_the_plan_has_no_task_yet()
    {
        PlanDraft draft = PlanProbe.Draft("notask-kaifeng-2020.txt");

        draft.Tasks.Should().BeEmpty();
        draft.NotTasks.Select(i => (i.Number, i.Label, i.Title)).Should().Equal((1, "（一）", "指导思想"), (2, "（二）", "发展目标"));
        Action legacy = () => PlanImporter.Import("kaifeng", Samples.Plan("notask-kaifeng-2020.txt"));
        legacy.Should().Throw<PlanFormatException>().WithMessage("未识别到任何任务*另有 2 项*");
    }

    /// <summary>穗府〔2021〕3号 as a Word file: the notice, then the table's header, section, group and first two task rows.</summary>
    internal static byte[] GuangzhouTable() => DocxFiles.WithTable(
        [
            "穗府〔2021〕3号",
            "广州市人民政府关于印发2021年市政府工作报告部署工作责任分工的通知",
            "各区人民政府,市政府各部门、各直属机构:",
            "《2021年市政府工作报告部署工作责任分工》已经市政府第15届134次常务会议审议通过,现印发给你们。全市各级各部门要以习近平新时代中国特色社会主义思想为指导,立足新发展阶段,贯彻新发展理念,服务构建新发展格局,坚持稳中求进工作总基调,以推动高质量发展为主题,以深化供给侧结构性改革为主线,以改革创新为根本动力,以满足人民日益增长的美好生活需要为根本目的,强化使命担当,不折不扣落实市政府工作报告部署工作各项任务。按照工作分工,抓紧制订实施方案,细化任务目标、工作措施、完成时限和各层级责任人,以钉钉子精神狠抓工作落实,努力在全面建设社会主义现代化国家新征程上迈出坚实步伐、实现良好开局。",
            "广州市人民政府",
            "2021年2月23日",
            "2021年市政府工作报告部署工作责任分工",
        ],
        [
            [new Cell("序号"), new Cell("重点工作"), new Cell("市政府\n分管领导"), new Cell("牵头单位"), new Cell("配合单位"), new Cell("备注")],
            [new Cell("强化科技创新支撑能力。", Span: 2), new Cell(string.Empty, Span: 3), new Cell(string.Empty)],
            [new Cell("(一)"), new Cell("加强战略科技力量建设。"), new Cell(string.Empty, Span: 3), new Cell(string.Empty)],
            [new Cell("1"), new Cell("加快建设以中新知识城、南沙科学城为极点,链接全市域科技创新关键节点的科技创新轴。"), new Cell("王 东"), new Cell("市科技局"), new Cell("黄埔区、南沙区政府"), new Cell(string.Empty)],
            [new Cell("2"), new Cell("全力做好呼吸领域国家实验室筹建保障服务工作。"), new Cell("王 东"), new Cell("市科技局"), new Cell("市政府办公厅、市发展改革委、市财政局、市卫生健康委,荔湾区、黄埔区政府"), new Cell(string.Empty)],
        ]);
}
