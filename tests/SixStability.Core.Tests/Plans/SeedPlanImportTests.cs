using SixStability.Core.Plans;

namespace SixStability.Core.Tests.Plans;

/// <summary>The Jingdezhen 2020 plan (samples/jingdezhen.txt) imports as the document says.</summary>
public sealed class SeedPlanImportTests
{
    private static readonly PlanImportResult Result = PlanImporter.Import("jingdezhen", Samples.Read("jingdezhen.txt"));

    private static PlanCatalog Catalog => Result.Catalog;

    private static PlanTask Task(int n) => Catalog.FindTask(n)!;

    [Fact]
    public void Reads_title_and_issue_date()
    {
        Catalog.Title.Should().Be("做好“六稳”工作落实“六保”任务实施方案");
        Catalog.Issued.Should().Be(new DateOnly(2020, 6, 3));
    }

    [Fact]
    public void Imports_without_warnings()
    {
        Result.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Keeps_only_the_six_guarantee_sections_with_their_numbers()
    {
        Catalog.Sections.Select(s => (s.Number, s.Title)).Should().Equal(
            (2, "保居民就业"), (3, "保基本民生"), (4, "保市场主体"), (5, "保粮食能源安全"), (6, "保产业链供应链稳定"), (7, "保基层运转"));
        Catalog.Sections.Select(s => s.Tasks.Count).Should().Equal(3, 4, 5, 3, 4, 3);
    }

    [Fact]
    public void Reads_all_22_task_titles_exactly()
    {
        Catalog.Tasks.Select(t => t.Title).Should().Equal(
            "稳定就业岗位", "加强对重点行业重点群体就业支持", "开展职业技能培训", "坚决打赢脱贫攻坚战", "着力完善社会保障",
            "大力提升公共服务水平", "坚决打好污染防治攻坚战", "加快项目建设", "进一步减轻企业负担", "强化融资支持",
            "实施精准帮扶", "优化营商环境", "加强粮食安全保障", "加快发展现代农业", "保障能源运行",
            "推动产业链上下游协同复产达产", "促进产业链供应链市场循环", "提升产业链能级", "壮大特色优势产业链",
            "抓好开源节流", "保障基层财力", "防范金融风险");
        Catalog.Tasks.Select(t => t.Number).Should().Equal(Enumerable.Range(1, 22));
    }

    [Fact]
    public void Task_text_is_the_measures_without_title_or_units()
    {
        Task(3).Text.Should().StartWith("加大《景德镇市职业技能提升行动实施细则(2019-2021年)》落实力度");
        Task(3).Text.Should().EndWith("城乡贫困劳动力的培训规模。");
        Catalog.Tasks.Should().AllSatisfy(t => t.Text.Should().NotContain("责任单位"));
    }

    [Fact]
    public void Units_keep_document_order_with_the_lead_unit_first()
    {
        Task(1).Units.Should().Equal("市人社局", "市发改委", "市财政局", "市科技局", "市商务局", "市税务局", "市市场监管局");
        Task(2).Units.Should().Equal("市人社局", "市教育局", "市发改委", "市国资委", "市工信局", "市市场监管局", "市扶贫办", "市退役军人事务局", "市残联", "市农业农村局", "市财政局", "市民政局");
        Task(10).LeadUnit.Should().Be("市政府金融办");
        Task(10).Units.Should().Contain("人行景市中心支行").And.Contain("市银保监分局");
        Task(13).Units.Should().Equal("市农业农村局", "市发改委");
        Task(20).Units.Should().Equal("市财政局", "市国资委", "市直有关部门");
    }

    [Fact]
    public void Groups_stay_as_written_and_are_not_split_at_the_inner_comma()
    {
        Task(8).Units.Should().Equal("市发改委", "市文旅局", "市工信局", "市住建局", "市民政局", "市交通局", "市水利局", "市农业农村局", "各县〔市、区〕政府", "园区管委会");
        Task(16).Units.Should().Equal("产业链链长制各责任部门", "市工信局", "各县〔市、区〕政府", "园区管委会");
        Task(18).Units.Should().Equal("产业链链长制各责任部门", "市发改委", "市商务局", "市工信局", "市瓷局", "高新区管委会", "景德镇海关", "市税务局");
        Task(22).Units.Should().Equal("市财政局", "市政府金融办", "市国资委", "各县〔市、区〕政府", "园区管委会");
    }

    [Fact]
    public void Reads_every_dated_deadline()
    {
        Catalog.Tasks.SelectMany(t => t.Deadlines.Select(d => (t.Number, d.Date))).Should().BeEquivalentTo(new[]
        {
            (1, new DateOnly(2021, 4, 30)), // 延长至2021年4月30日
            (1, new DateOnly(2020, 6, 30)), // 2020年6月底前
            (4, new DateOnly(2020, 6, 30)),
            (5, new DateOnly(2020, 6, 30)),
            (9, new DateOnly(2020, 10, 31)), // 2020年10月底前
            (14, new DateOnly(2020, 12, 31)), // 到年底
        });
        Task(9).Deadlines.Single().Text.Should().Contain("在2020年10月底前完成无分歧拖欠账款清零目标");
    }

    [Theory]
    [InlineData(6, "今年完成2万户老旧小区改造", 20000, "户")]
    [InlineData(6, "新增停车位1100个", 1100, "个")]
    [InlineData(6, "发放创业贷款4.2亿元", 4.2, "亿元")]
    [InlineData(6, "确保今年2582户任务按时完成", 2582, "户")]
    [InlineData(7, "确保森林覆盖率稳定在66%以上", 66, "%")]
    [InlineData(8, "其中年度投资554亿元", 554, "亿元")]
    [InlineData(10, "力争全年实现直接融资超120亿元", 120, "亿元")]
    [InlineData(13, "全面完成2020年11.106万亩高标准农田建设任务", 111060, "亩")]
    [InlineData(13, "全年粮食播面稳定在143万亩", 1430000, "亩")]
    [InlineData(14, "能繁母猪存栏1.8万头", 18000, "头")]
    [InlineData(4, "确保贫困人口住院最终报销比例达到90%的适度要求", 90, "%")]
    [InlineData(17, "实施好总额700万元的餐饮消费券发放活动", 700, "万元")]
    public void Reads_quantitative_targets(int task, string name, double target, string unit)
    {
        Task(task).Indicators.Should().ContainEquivalentOf(new { Name = name, Target = (decimal)target, Unit = unit });
    }

    [Fact]
    public void A_ceiling_in_working_days_is_an_at_most_target()
    {
        Task(12).Indicators.Should().BeEquivalentTo(new[]
        {
            new Indicator("审批时限压缩至89个工作日以内", 89, "个工作日", IndicatorKind.AtMost),
            new Indicator("政府投资项目压减至79个工作日以内", 79, "个工作日", IndicatorKind.AtMost),
            new Indicator("企业投资项目压减至60个工作日以内", 60, "个工作日", IndicatorKind.AtMost),
        });
    }

    [Fact]
    public void Policy_parameters_are_not_targets()
    {
        // 按16%的比例缴纳, 返还…50%, 6个月的失业补助金, 不高于…80%, 每人挂点1个, 不超过1%, 低于5万元, 602所, PM2.5
        Task(1).Indicators.Should().BeEmpty();
        Task(5).Indicators.Should().BeEmpty();
        Task(11).Indicators.Should().BeEmpty();
        Task(10).Indicators.Should().NotContain(i => i.Unit == "%" && i.Target == 1);
        Task(14).Indicators.Should().NotContain(i => i.Unit == "万元");
        Task(19).Indicators.Should().BeEmpty();
        Task(7).Indicators.Should().NotContain(i => i.Name.Contains("PM2.5", StringComparison.Ordinal));
    }

    [Fact]
    public void Finds_the_targets_of_the_task_with_most_of_them()
    {
        Task(6).Indicators.Should().HaveCount(14);
        Catalog.Tasks.Sum(t => t.Indicators.Count).Should().Be(39);
    }
}
