using SixStability.Core.Cycles;
using SixStability.Core.Rules;
using SixStability.Workflow.Cycles;

namespace SixStability.Workflow.Tests.Cycles;

public sealed class CycleUseCaseTests
{
    [Fact]
    public async Task Starting_a_cycle_twice_schedules_one_orchestration_under_the_cycle_id()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        StartCycleUseCase start = bench.Get<StartCycleUseCase>();

        Outcome<CycleStarted> first = await start.RunAsync(new StartCycleCommand("jingdezhen", "2020Q3"), Workbench.Coordinator, bench.Engine, CancellationToken.None);
        Outcome<CycleStarted> second = await start.RunAsync(new StartCycleCommand("jingdezhen", "2020Q3"), Workbench.Coordinator, bench.Engine, CancellationToken.None);

        first.Value.Should().Be(new CycleStarted("jingdezhen-2020Q3", Created: true));
        second.Value.Should().Be(new CycleStarted("jingdezhen-2020Q3", Created: false));
        bench.Engine.Scheduled.Should().ContainSingle().Which.Policy.Kind.Should().Be(CyclePolicyChoice.Default);
    }

    [Theory]
    [InlineData("JD 2020", "2020Q3", "planId")]
    [InlineData("jingdezhen", "2020-3", "quarter")]
    [InlineData("nope", "2020Q3", "planId")]
    [InlineData("jingdezhen", "2028Q1", "policy")]
    public async Task A_bad_or_untimeable_start_is_refused_naming_the_field_and_schedules_nothing(string planId, string quarter, string field)
    {
        await using Workbench bench = await Workbench.CreateAsync();

        Outcome<CycleStarted> started = await bench.Get<StartCycleUseCase>().RunAsync(new StartCycleCommand(planId, quarter), Workbench.Coordinator, bench.Engine, CancellationToken.None);

        started.Kind.Should().Be(OutcomeKind.Refused);
        started.Errors.Select(e => e.Field).Should().Contain(field);
        bench.Engine.Scheduled.Should().BeEmpty();
    }

    [Fact]
    public async Task The_coordinators_extension_follows_the_one_extension_rule_and_a_closed_cycle_takes_no_command()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();
        CycleCommandUseCase commands = bench.Get<CycleCommandUseCase>();

        Outcome<CycleCommand> early = await commands.RunAsync(Workbench.CycleId, new CycleCommand(CycleCommandKind.Extend, "rsj", new DateOnly(2020, 10, 13)), Workbench.Coordinator, bench.Engine, CancellationToken.None);
        Outcome<CycleCommand> fine = await commands.RunAsync(Workbench.CycleId, new CycleCommand(CycleCommandKind.Extend, "rsj", new DateOnly(2020, 10, 20), "防汛"), Workbench.Coordinator, bench.Engine, CancellationToken.None);
        await bench.Get<Ports.ICycleStore>().SetStatusAsync(Workbench.CycleId, Ports.CycleStatus.Closed, bench.Now, CancellationToken.None);
        Outcome<CycleCommand> closed = await commands.RunAsync(Workbench.CycleId, new CycleCommand(CycleCommandKind.Close), Workbench.Coordinator, bench.Engine, CancellationToken.None);

        early.Kind.Should().Be(OutcomeKind.Refused);
        early.Errors.Single().Field.Should().Be("due");
        fine.IsOk.Should().BeTrue();
        closed.Kind.Should().Be(OutcomeKind.Closed);
        bench.Engine.Raised.Select(r => r.Command.Kind).Should().Equal(CycleCommandKind.Extend);
    }
}
