using SixStability.Core.Cycles;
using SixStability.Core.Rules;
using SixStability.Core.Submissions;
using SixStability.Workflow.Ports;
using SixStability.Workflow.Submissions;

namespace SixStability.Workflow.Tests.Submissions;

public sealed class SaveReportUseCaseTests
{
    private static readonly SubmissionForm Valid = new("已完成老旧小区改造1.2万户。", ReportedFigures.OnTrack, [new IndicatorReading("今年完成2万户老旧小区改造", 12000m)], "资金到位偏慢", "加快四季度开工");

    [Fact]
    public async Task A_lead_unit_submits_its_task_with_indicator_values_and_the_form_is_kept_in_history()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();

        Outcome<SavedReport> saved = await bench.Get<SaveReportUseCase>().RunAsync(new SaveReportCommand(Workbench.CycleId, "fgw", 6, Valid, Draft: false), CancellationToken.None);

        saved.IsOk.Should().BeTrue(saved.Message);
        saved.Value!.Obligation.State.Should().Be(ObligationState.Submitted);
        saved.Value.Obligation.Late.Should().BeFalse();
        saved.Value.Obligation.Figures!.Readings.Should().Equal(new IndicatorReading("今年完成2万户老旧小区改造", 12000m));
        HistoryEntry entry = (await bench.Obligations.HistoryAsync(Workbench.CycleId, "fgw", 6, CancellationToken.None)).Single();
        UnitReportQuery.SavedForm(entry)!.Narrative.Should().Be("已完成老旧小区改造1.2万户。");
    }

    [Fact]
    public async Task A_submission_without_narrative_and_with_a_foreign_indicator_is_refused_naming_both_and_stores_nothing()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();
        var form = new SubmissionForm(null, ReportedFigures.OnTrack, [new IndicatorReading("别的指标", 1m)]);

        Outcome<SavedReport> saved = await bench.Get<SaveReportUseCase>().RunAsync(new SaveReportCommand(Workbench.CycleId, "fgw", 6, form, Draft: false), CancellationToken.None);

        saved.Kind.Should().Be(OutcomeKind.Refused);
        saved.Errors.Select(e => e.Field).Should().BeEquivalentTo(["narrative", "indicators[0].name"]);
        (await bench.Obligations.HistoryAsync(Workbench.CycleId, "fgw", 6, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_co_unit_may_not_report_the_lead_units_indicators()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();

        Outcome<SavedReport> saved = await bench.Get<SaveReportUseCase>().RunAsync(new SaveReportCommand(Workbench.CycleId, "rsj", 6, Valid, Draft: false), CancellationToken.None);

        saved.Kind.Should().Be(OutcomeKind.Refused);
        saved.Errors.Should().ContainSingle(e => e.Field == "indicators[0].name");
    }

    [Fact]
    public async Task A_form_showing_an_older_revision_is_a_conflict_and_changes_nothing()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();
        SaveReportUseCase save = bench.Get<SaveReportUseCase>();
        await save.RunAsync(new SaveReportCommand(Workbench.CycleId, "rsj", 1, Valid with { Indicators = [] }, Draft: true), CancellationToken.None);

        Outcome<SavedReport> stale = await save.RunAsync(new SaveReportCommand(Workbench.CycleId, "rsj", 1, Valid with { Indicators = [] }, Draft: false, IfMatch: "\"r0\""), CancellationToken.None);

        stale.Kind.Should().Be(OutcomeKind.Conflict);
        stale.Message.Should().Be(CycleMessages.Stale);
        (await bench.Obligations.ListUnitAsync(Workbench.CycleId, "rsj", CancellationToken.None)).Single(o => o.TaskNumber == 1).State.Should().Be(ObligationState.Draft);
    }

    [Fact]
    public async Task The_same_idempotency_key_stores_once()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();
        SaveReportUseCase save = bench.Get<SaveReportUseCase>();
        var command = new SaveReportCommand(Workbench.CycleId, "rsj", 1, Valid with { Indicators = [] }, Draft: false, IdempotencyKey: "k-1");

        await save.RunAsync(command, CancellationToken.None);
        Outcome<SavedReport> again = await save.RunAsync(command, CancellationToken.None);

        again.Value!.Replayed.Should().BeTrue();
        (await bench.Obligations.HistoryAsync(Workbench.CycleId, "rsj", 1, CancellationToken.None)).Should().ContainSingle();
    }

    [Fact]
    public async Task After_the_close_a_valid_submission_is_refused_as_closed_and_an_unknown_task_is_not_found()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();
        await bench.Get<ICycleStore>().SetStatusAsync(Workbench.CycleId, CycleStatus.Closed, bench.Now, CancellationToken.None);
        SaveReportUseCase save = bench.Get<SaveReportUseCase>();

        Outcome<SavedReport> closed = await save.RunAsync(new SaveReportCommand(Workbench.CycleId, "rsj", 1, Valid with { Indicators = [] }, Draft: false), CancellationToken.None);
        Outcome<SavedReport> missing = await save.RunAsync(new SaveReportCommand(Workbench.CycleId, "rsj", 22, Valid with { Indicators = [] }, Draft: false), CancellationToken.None);

        closed.Kind.Should().Be(OutcomeKind.Closed);
        missing.Kind.Should().Be(OutcomeKind.NotFound);
    }

    [Fact]
    public async Task A_save_a_moment_after_the_close_is_refused_as_closed_by_its_sealed_row_and_changes_nothing()
    {
        // The save just before the close leaves the cycle's open record fresh in the loader (a save reuses it briefly).
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();
        SaveReportUseCase save = bench.Get<SaveReportUseCase>();
        Outcome<SavedReport> before = await save.RunAsync(new SaveReportCommand(Workbench.CycleId, "rsj", 1, Valid with { Indicators = [] }, Draft: true), CancellationToken.None);
        await bench.Get<ICycleStore>().SetStatusAsync(Workbench.CycleId, CycleStatus.Closed, bench.Now, CancellationToken.None);
        await bench.Obligations.SealAsync(Workbench.CycleId, CancellationToken.None);

        Outcome<SavedReport> after = await save.RunAsync(new SaveReportCommand(Workbench.CycleId, "rsj", 1, Valid with { Indicators = [] }, Draft: false), CancellationToken.None);

        before.IsOk.Should().BeTrue(before.Message);
        after.Kind.Should().Be(OutcomeKind.Closed);
        (await bench.Obligations.GetAsync(Workbench.CycleId, "rsj", 1, CancellationToken.None))!.State.Should().Be(ObligationState.Draft);
        (await bench.Obligations.HistoryAsync(Workbench.CycleId, "rsj", 1, CancellationToken.None)).Should().ContainSingle();
    }
}
