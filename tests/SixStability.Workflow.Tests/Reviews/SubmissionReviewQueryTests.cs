using SixStability.Core.Cycles;
using SixStability.Core.Rules;
using SixStability.Core.Submissions;
using SixStability.Workflow.Access;
using SixStability.Workflow.Reviews;
using SixStability.Workflow.Submissions;

namespace SixStability.Workflow.Tests.Reviews;

/// <summary>The review pane's read: every submission with its changes, the task's targets, and the walk to the next report.</summary>
public sealed class SubmissionReviewQueryTests
{
    private static Task<Outcome<SavedReport>> SubmitAsync(Workbench bench, string unit, int task, string narrative) =>
        bench.Get<SaveReportUseCase>().RunAsync(new SaveReportCommand(Workbench.CycleId, unit, task, new SubmissionForm(narrative, ReportedFigures.OnTrack), Draft: false), CancellationToken.None);

    private static async Task<ObligationReview> ReadAsync(Workbench bench, string unit, int task) =>
        (await bench.Get<SubmissionReviewQuery>().RunAsync(Workbench.CycleId, unit, task, UnitScope.All, CancellationToken.None)).Value!;

    [Fact]
    public async Task Every_submission_is_listed_with_what_its_text_changed_since_the_one_before()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();
        await SubmitAsync(bench, "rsj", 1, "全市新增就业1.2万人。");
        await bench.Get<SaveReportUseCase>().RunAsync(new SaveReportCommand(Workbench.CycleId, "rsj", 1, new SubmissionForm("草稿不算一次报送"), Draft: true), CancellationToken.None);
        await SubmitAsync(bench, "rsj", 1, "全市新增就业1.5万人。");

        ObligationReview review = await ReadAsync(bench, "rsj", 1);

        review.Revisions!.Select(r => r.Number).Should().Equal(1, 2);
        review.Revisions![0].NarrativeChanges.Should().Equal(new DiffSegment(DiffKind.Added, "全市新增就业1.2万人。"));
        review.Revisions![1].NarrativeChanges.Should().Equal(
            new DiffSegment(DiffKind.Same, "全市新增就业"),
            new DiffSegment(DiffKind.Removed, "1.2"),
            new DiffSegment(DiffKind.Added, "1.5"),
            new DiffSegment(DiffKind.Same, "万人。"));
        review.UnitName.Should().Be("市人社局");
        review.TaskTitle.Should().Be("稳定就业岗位");
        review.CycleOpen.Should().BeTrue();
    }

    [Fact]
    public async Task The_walk_goes_through_a_tasks_submissions_in_the_boards_order_and_a_units_by_task_number()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();
        foreach (string unit in new[] { "swj", "rsj", "czj" })
        {
            await SubmitAsync(bench, unit, 1, "已开展。");
        }

        await SubmitAsync(bench, "rsj", 2, "已开展。");

        ObligationReview rsj = await ReadAsync(bench, "rsj", 1);
        ObligationReview first = await ReadAsync(bench, "czj", 1);

        // 市财政局, 市人社局, 市商务局: departments by name as the board lists them (cai, ren, shang).
        rsj.Walk!.ByTask.Should().Be(new WalkStep(2, 3, new SubmissionRef("czj", 1), new SubmissionRef("swj", 1)));
        first.Walk!.ByTask.Should().Be(new WalkStep(1, 3, null, new SubmissionRef("rsj", 1)));
        rsj.Walk.ByUnit.Should().Be(new WalkStep(1, 2, null, new SubmissionRef("rsj", 2)));
    }

    [Fact]
    public async Task A_report_just_returned_keeps_its_neighbours_so_the_coordinator_can_walk_on()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();
        foreach (string unit in new[] { "swj", "rsj", "czj" })
        {
            await SubmitAsync(bench, unit, 1, "已开展。");
        }

        await bench.Get<ReturnSubmissionUseCase>().RunAsync(new ReturnSubmissionCommand(Workbench.CycleId, "rsj", 1, "请补充", Workbench.Coordinator), CancellationToken.None);

        ObligationReview returned = await ReadAsync(bench, "rsj", 1);

        returned.Walk!.ByTask.Should().Be(new WalkStep(0, 2, new SubmissionRef("czj", 1), new SubmissionRef("swj", 1)));
        returned.Obligation.State.Should().Be(ObligationState.Outstanding);
    }
}
