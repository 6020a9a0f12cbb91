using SixStability.Core.Plans;
using SixStability.Core.Rules;

namespace SixStability.Core.Tests.Plans;

public sealed class PlanRulesTests
{
    [Fact]
    public void A_plan_needs_a_title_a_task_and_a_unit_for_every_task()
    {
        PlanCatalog seed = PlanImporter.Import("jingdezhen", Samples.Read("jingdezhen.txt")).Catalog;
        PlanTask orphan = seed.FindTask(3)! with { Units = [] };

        PlanRules.CheckUsable(seed).Should().BeNull();
        PlanRules.CheckUsable(seed with { Title = " " })!.Errors.Single().Field.Should().Be("title");
        PlanRules.CheckUsable(seed with { Sections = [] })!.Errors.Single().Field.Should().Be("tasks");
        RuleViolation noUnits = PlanRules.CheckUsable(seed with { Sections = [seed.Sections[0] with { Tasks = [orphan] }] })!;
        noUnits.Message.Should().Contain("（三）开展职业技能培训");
    }

    [Theory]
    [InlineData("做好“六稳”工作落实“六保”任务实施方案（修订）")]
    [InlineData("关于推进产业链链长制的实施意见（试行）")]
    public void A_title_may_end_in_a_bracketed_note(string title)
    {
        PlanCatalog plan = PlanImporter.Import("p", $"{title}\n2020年9月1日\n二、保居民就业\n(一)稳定就业岗位。内容。(责任单位:市人社局)\n").Catalog;

        plan.Title.Should().Be(title);
    }
}
