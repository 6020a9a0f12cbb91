using SixStability.Core.Cycles;
using SixStability.Core.Cycles.Tallies;
using SixStability.Core.Rules;
using SixStability.Core.Submissions;
using SixStability.Workflow.Audit;
using SixStability.Workflow.Ports;
using SixStability.Workflow.Reviews;
using SixStability.Workflow.Submissions;

namespace SixStability.Workflow.Tests.Reviews;

/// <summary>通过 (accept): the submission becomes 已审核, once, only as the coordinator read it.</summary>
public sealed class AcceptSubmissionUseCaseTests
{
    private static Task<Outcome<SavedReport>> SubmitAsync(Workbench bench, string unit, int task, string narrative) =>
        bench.Get<SaveReportUseCase>().RunAsync(new SaveReportCommand(Workbench.CycleId, unit, task, new SubmissionForm(narrative, ReportedFigures.OnTrack), Draft: false), CancellationToken.None);

    private static Task<Outcome<Obligation>> AcceptAsync(Workbench bench, string unit, int task, string? ifMatch = null) =>
        bench.Get<AcceptSubmissionUseCase>().RunAsync(new AcceptSubmissionCommand(Workbench.CycleId, unit, task, ifMatch, Workbench.Coordinator), CancellationToken.None);

    private static async Task<UnitTally> TallyAsync(Workbench bench, string unit) =>
        (await bench.Get<ICycleTallies>().ReadAsync(Workbench.CycleId, CancellationToken.None))[unit];

    [Fact]
    public async Task An_accepted_submission_is_marked_accepted_in_its_history_the_tallies_and_the_audit_trail_and_a_repeat_changes_nothing_but_is_audited()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();
        Obligation submitted = (await SubmitAsync(bench, "rsj", 1, "全市新增就业1.2万人。")).Value!.Obligation;
        int auditBefore = bench.Audit.Rows.Count;

        Outcome<Obligation> accepted = await AcceptAsync(bench, "rsj", 1, submitted.RevisionTag);
        Outcome<Obligation> again = await AcceptAsync(bench, "rsj", 1);

        accepted.Value!.IsAccepted.Should().BeTrue();
        accepted.Value.AcceptedAt.Should().Be(bench.Now);
        accepted.Value.Revision.Should().Be(submitted.Revision + 1);
        again.Value!.Revision.Should().Be(accepted.Value.Revision, "accepting an accepted report writes nothing");
        (await bench.Obligations.HistoryAsync(Workbench.CycleId, "rsj", 1, CancellationToken.None)).Select(h => h.What).Should().Equal("submitted", "accepted");
        AuditEntry[] rows = [.. bench.Audit.Rows.Skip(auditBefore)];
        rows.Should().HaveCount(2, "every call answered with success is in the trail");
        rows.Should().OnlyContain(r => r.Action == AuditAction.AcceptSubmission && r.Subject == "市人社局（rsj）任务1");
        rows[0].After.Should().EndWith("（已审核）").And.NotBe(rows[0].Before);
        rows[1].After.Should().Be(rows[0].After);
        rows[1].Before.Should().Be(rows[1].After, "the repeat changed nothing");
        rows[1].Detail.Should().Be("此前已审核通过，未作改动");
        (await TallyAsync(bench, "rsj")).Counts.Accepted.Should().Be(1);
        bench.Mailer.Sent.Should().BeEmpty("accepting tells nobody: the unit sees it on its page");
    }

    [Fact]
    public async Task A_resubmission_after_the_coordinator_read_is_a_conflict_and_is_not_accepted()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();
        Obligation read = (await SubmitAsync(bench, "rsj", 1, "全市新增就业1.2万人。")).Value!.Obligation;
        await SubmitAsync(bench, "rsj", 1, "全市新增就业1.5万人。");

        Outcome<Obligation> stale = await AcceptAsync(bench, "rsj", 1, read.RevisionTag);

        stale.Kind.Should().Be(OutcomeKind.Conflict);
        (await bench.Obligations.GetAsync(Workbench.CycleId, "rsj", 1, CancellationToken.None))!.IsAccepted.Should().BeFalse();
        bench.Audit.Rows.Should().NotContain(r => r.Action == AuditAction.AcceptSubmission);
    }

    [Fact]
    public async Task A_report_not_submitted_cannot_be_accepted_and_an_unknown_task_is_not_found()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();

        Outcome<Obligation> owed = await AcceptAsync(bench, "rsj", 1);
        Outcome<Obligation> unknown = await AcceptAsync(bench, "rsj", 999);

        owed.Kind.Should().Be(OutcomeKind.Conflict);
        owed.Message.Should().Be(Obligation.NothingToAccept);
        unknown.Kind.Should().Be(OutcomeKind.NotFound);
    }

    [Fact]
    public async Task A_new_submission_or_a_return_takes_the_acceptance_away_again()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();
        await SubmitAsync(bench, "rsj", 1, "第一稿。");
        await SubmitAsync(bench, "rsj", 2, "第一稿。");
        await AcceptAsync(bench, "rsj", 1);
        await AcceptAsync(bench, "rsj", 2);
        UnitTally both = await TallyAsync(bench, "rsj");

        await SubmitAsync(bench, "rsj", 1, "第二稿。");
        Obligation returned = (await bench.Get<ReturnSubmissionUseCase>().RunAsync(new ReturnSubmissionCommand(Workbench.CycleId, "rsj", 2, "请补充", Workbench.Coordinator), CancellationToken.None)).Value!;

        both.Counts.Accepted.Should().Be(2);
        (await TallyAsync(bench, "rsj")).Counts.Accepted.Should().Be(0);
        returned.IsAccepted.Should().BeFalse();
    }

    [Fact]
    public async Task A_return_with_the_revision_read_before_a_resubmission_is_refused_too()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();
        Obligation read = (await SubmitAsync(bench, "rsj", 1, "第一稿。")).Value!.Obligation;
        await SubmitAsync(bench, "rsj", 1, "第二稿。");

        Outcome<Obligation> stale = await bench.Get<ReturnSubmissionUseCase>().RunAsync(new ReturnSubmissionCommand(Workbench.CycleId, "rsj", 1, "请补充", Workbench.Coordinator) { IfMatch = read.RevisionTag }, CancellationToken.None);

        stale.Kind.Should().Be(OutcomeKind.Conflict);
        bench.Mailer.Sent.Should().BeEmpty();
    }
}
