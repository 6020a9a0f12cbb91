using SixStability.Core.Plans;

namespace SixStability.Core.Tests.Plans;

/// <summary>Another city's plan of the same form imports too: the importer reads a form, not one document.</summary>
public sealed class OtherPlanImportTests
{
    // Full-width brackets and colons, units on their own line, a year-less deadline, no 总体要求.
    private const string OtherCity = """
        关于做好“六稳”工作落实“六保”任务的若干措施
        2021年3月15日
        一、保居民就业
        （一）稳住重点群体就业。全年城镇新增就业1.2万人，6月底前发放稳岗返还资金，
        确保零就业家庭动态清零。
        （责任单位：市人社局、市财政局，各县（市、区）人民政府）
        （二）扩大以工代赈。新开工以工代赈项目15个。（责任单位：市发改委）
        二、保市场主体
        （三）降低融资成本。普惠小微贷款余额增长30%以上，力争2021年9月30日前完成首贷续贷专项行动。（责任单位：人民银行市中心支行、市地方金融监管局）
        三、组织保障
        各地各部门要加强组织领导。
        """;

    [Fact]
    public void Imports_sections_tasks_and_units_of_another_city()
    {
        PlanImportResult result = PlanImporter.Import("other-city", OtherCity);

        result.Warnings.Should().BeEmpty();
        PlanCatalog plan = result.Catalog;
        plan.Title.Should().Be("关于做好“六稳”工作落实“六保”任务的若干措施");
        plan.Issued.Should().Be(new DateOnly(2021, 3, 15));
        plan.Sections.Select(s => (s.Number, s.Title)).Should().Equal((1, "保居民就业"), (2, "保市场主体"));
        plan.Tasks.Select(t => t.Title).Should().Equal("稳住重点群体就业", "扩大以工代赈", "降低融资成本");
        plan.FindTask(1)!.Units.Should().Equal("市人社局", "市财政局", "各县（市、区）人民政府");
        plan.FindTask(3)!.Units.Should().Equal("人民银行市中心支行", "市地方金融监管局");
    }

    [Fact]
    public void A_year_less_deadline_takes_the_plan_year_and_a_full_date_its_own()
    {
        PlanCatalog plan = PlanImporter.Import("other-city", OtherCity).Catalog;

        plan.FindTask(1)!.Deadlines.Select(d => d.Date).Should().Equal(new DateOnly(2021, 6, 30));
        plan.FindTask(3)!.Deadlines.Select(d => d.Date).Should().Equal(new DateOnly(2021, 9, 30));
    }

    [Fact]
    public void Reads_targets_of_another_city()
    {
        PlanCatalog plan = PlanImporter.Import("other-city", OtherCity).Catalog;

        plan.FindTask(1)!.Indicators.Should().ContainSingle().Which.Should().Be(new Indicator("全年城镇新增就业1.2万人", 12000, "人"));
        plan.FindTask(2)!.Indicators.Should().ContainSingle().Which.Target.Should().Be(15);
        plan.FindTask(3)!.Indicators.Should().ContainSingle().Which.Should().Be(new Indicator("普惠小微贷款余额增长30%以上", 30, "%", IndicatorKind.Level));
    }
}
