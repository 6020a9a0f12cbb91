using SixStability.Core.Rules;
using SixStability.Core.Submissions;
using SixStability.Workflow.Ports;
using SixStability.Workflow.Submissions;

namespace SixStability.Workflow.Tests.Submissions;

public sealed class ReportingContactUseCaseTests
{
    private static readonly ReportingContact Given = new(" 王芳 ", "0798-8222333", "李强");

    [Fact]
    public async Task A_contact_given_for_one_cycle_is_offered_as_remembered_in_the_next()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();
        var contacts = bench.Get<ReportingContactUseCase>();

        Outcome<ReportingContactView> saved = await contacts.SaveAsync(Workbench.CycleId, "rsj", Given, CancellationToken.None);
        CycleRecord q3 = (await bench.Get<ICycleStore>().GetAsync(Workbench.CycleId, CancellationToken.None))!;
        await bench.Get<ICycleStore>().CreateAsync(q3 with { Frame = q3.Frame with { CycleId = "jingdezhen-2020Q4" } }, CancellationToken.None);
        Outcome<ReportingContactView> next = await contacts.GetAsync("jingdezhen-2020Q4", "rsj", CancellationToken.None);

        saved.Value!.Contact!.Filler.Should().Be("王芳", "spaces around a name are not part of it");
        next.Value!.Remembered.Should().BeTrue();
        next.Value.Contact.Should().Be(new ReportingContact("王芳", "0798-8222333", "李强"));
        (await contacts.GetAsync(Workbench.CycleId, "rsj", CancellationToken.None)).Value!.Remembered.Should().BeFalse();
    }

    [Fact]
    public async Task A_contact_without_a_phone_is_refused_and_nothing_is_kept()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();

        Outcome<ReportingContactView> refused = await bench.Get<ReportingContactUseCase>().SaveAsync(Workbench.CycleId, "rsj", Given with { Phone = "" }, CancellationToken.None);

        refused.Kind.Should().Be(OutcomeKind.Refused);
        (await bench.Get<IReportingContactStore>().LastAsync("rsj", CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task A_closed_cycle_takes_no_new_contact()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        CycleRecord cycle = await bench.OpenCycleAsync();
        await bench.Get<ICycleStore>().SetStatusAsync(cycle.CycleId, CycleStatus.Closed, DateTimeOffset.UtcNow, CancellationToken.None);

        Outcome<ReportingContactView> refused = await bench.Get<ReportingContactUseCase>().SaveAsync(cycle.CycleId, "rsj", Given, CancellationToken.None);

        refused.Kind.Should().Be(OutcomeKind.Closed);
    }
}
