using SixStability.Core.Rules;
using SixStability.Workflow.Plans;
using SixStability.Workflow.Units;

namespace SixStability.Workflow.Tests.Plans;

public sealed class PlanAndDirectoryUseCaseTests
{
    [Fact]
    public async Task A_plan_naming_a_unit_the_directory_lacks_is_refused_with_the_name()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        string text = Samples.Read("jingdezhen.txt").Replace("(责任单位:市人社局、市发改委", "(责任单位:市不存在局、市发改委", StringComparison.Ordinal);

        Outcome<PlanStored> stored = await bench.Get<ImportPlanUseCase>().RunAsync(new ImportPlanCommand("other", text, IsJson: false, IfMatch: null, Workbench.Coordinator), CancellationToken.None);

        stored.Kind.Should().Be(OutcomeKind.Refused);
        stored.Message.Should().Contain("市不存在局");
    }

    [Fact]
    public async Task Replacing_a_plan_with_a_stale_etag_is_a_conflict()
    {
        await using Workbench bench = await Workbench.CreateAsync();

        Outcome<PlanStored> stale = await bench.Get<ImportPlanUseCase>().RunAsync(new ImportPlanCommand("jingdezhen", Samples.Read("jingdezhen.txt"), IsJson: false, IfMatch: "\"v0\"", Workbench.Coordinator), CancellationToken.None);

        stale.Kind.Should().Be(OutcomeKind.Conflict);
    }

    [Fact]
    public async Task A_directory_that_drops_a_unit_a_stored_plan_needs_is_refused()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        string json = Samples.Read("directory.json");
        string withoutRsj = json.Replace("\"市人社局\"", "\"市人社局旧称\"", StringComparison.Ordinal);

        Outcome<DirectoryStored> stored = await bench.Get<ReplaceDirectoryUseCase>().RunAsync(new ReplaceDirectoryCommand(withoutRsj, null, Workbench.Coordinator), CancellationToken.None);

        stored.Kind.Should().Be(OutcomeKind.Refused);
        stored.Errors.Should().ContainSingle(e => e.Field == "units" && e.Message.Contains("市人社局", StringComparison.Ordinal));
    }
}
