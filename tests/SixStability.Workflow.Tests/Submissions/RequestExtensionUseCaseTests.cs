using SixStability.Core.Cycles;
using SixStability.Core.Rules;
using SixStability.Workflow.Submissions;

namespace SixStability.Workflow.Tests.Submissions;

public sealed class RequestExtensionUseCaseTests
{
    [Fact]
    public async Task A_unit_asks_for_a_later_date_with_a_reason_and_the_request_waits_for_the_coordinator()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();

        Outcome<ExtensionRequest> asked = await bench.Get<RequestExtensionUseCase>().RunAsync(new RequestExtensionCommand(Workbench.CycleId, "rsj", new DateOnly(2020, 10, 20), "防汛任务重"), CancellationToken.None);

        asked.Value!.State.Should().Be(ExtensionRequestState.Pending);
        (await bench.Obligations.GetExtensionRequestAsync(Workbench.CycleId, "rsj", CancellationToken.None))!.Due.Should().Be(new DateOnly(2020, 10, 20));
    }

    [Fact]
    public async Task A_date_not_after_the_due_day_and_a_missing_reason_are_both_named()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();

        // 10-13 is 市人社局's earliest due day: as a co-unit (配合单位) it is due a working day before the lead units' 10-14.
        Outcome<ExtensionRequest> asked = await bench.Get<RequestExtensionUseCase>().RunAsync(new RequestExtensionCommand(Workbench.CycleId, "rsj", new DateOnly(2020, 10, 13), null), CancellationToken.None);

        asked.Kind.Should().Be(OutcomeKind.Refused);
        asked.Errors.Select(e => e.Field).Should().BeEquivalentTo(["due", "reason"]);
        (await bench.Obligations.GetExtensionRequestAsync(Workbench.CycleId, "rsj", CancellationToken.None)).Should().BeNull();
    }
}
