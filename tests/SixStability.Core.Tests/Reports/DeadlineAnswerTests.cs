using SixStability.Core.Calendar;
using SixStability.Core.Cycles;
using SixStability.Core.Plans;
using SixStability.Core.Reports;
using SixStability.Core.Submissions;

namespace SixStability.Core.Tests.Reports;

/// <summary>Dated deadlines as the lead unit answers them (是否按期完成), never guessed from its self-assessment.</summary>
public sealed class DeadlineAnswerTests
{
    private static readonly DateOnly June = new(2020, 6, 30);
    private static readonly DateOnly September = new(2020, 9, 30);
    private static readonly DateOnly Due = new(2020, 10, 14);

    private static readonly PlanCatalog Plan = new("p", "实施方案",
    [
        new PlanSection(2, "保居民就业", [new PlanTask(1, "稳岗", "…", ["甲局", "乙局"], [], [
            new TaskDeadline(June, "2020年6月底前完成危房改造"),
            new TaskDeadline(September, "9月底前出台细则"),
            new TaskDeadline(new DateOnly(2021, 4, 30), "延长至2021年4月30日")])]),
    ]);

    private static SummaryInput Input(bool final = true, DateOnly? asOf = null, CycleSummary? previous = null) =>
        new("p-2020Q3", new Quarter(2020, 3), Plan, SummaryCompilerTests.Directory, HolidayCn.Calendar(), asOf ?? new DateOnly(2020, 10, 23), final, 3, at => DateOnly.FromDateTime(ChinaTime.ToChina(at).DateTime), previous);

    private static Obligation Lead(string status, params DeadlineAnswer[] answers) =>
        new Obligation("p-2020Q3", "a", 1, true, ObligationState.Outstanding, Due)
            .Submit(ChinaTime.At(Due.AddDays(-1), new TimeOnly(10, 0)), Due.AddDays(-1), new ReportedFigures(status, [], answers.Length == 0 ? null : answers));

    [Fact]
    public void Each_answer_is_reported_as_given_with_its_reason_and_only_deadlines_due_by_the_quarters_end_are_asked()
    {
        Obligation lead = Lead(ReportedFigures.OnTrack, new DeadlineAnswer(June, DeadlineAnswer.Met), new DeadlineAnswer(September, DeadlineAnswer.Missed, "受汛期影响，细则10月中旬印发"));

        CycleSummary summary = SummaryCompiler.Compile(Input(), [lead]);

        summary.Deadlines.Should().Equal(
            new DeadlineSummary(1, "稳岗", June, "2020年6月底前完成危房改造", DeadlineState.Met, null, "甲局"),
            new DeadlineSummary(1, "稳岗", September, "9月底前出台细则", DeadlineState.NotMet, "受汛期影响，细则10月中旬印发", "甲局"));
        summary.Units!.Single().Facts.DeadlinesMet.Should().Be(1);
    }

    [Fact]
    public void Not_yet_due_is_reported_as_the_lead_unit_says_it()
    {
        Obligation lead = Lead(ReportedFigures.OnTrack, new DeadlineAnswer(June, DeadlineAnswer.NotDue, "省里已将时限调整至12月底"), new DeadlineAnswer(September, DeadlineAnswer.Met));

        DeadlineSummary june = SummaryCompiler.Compile(Input(), [lead]).Deadlines[0];

        june.State.Should().Be(DeadlineState.NotDue);
        june.Note.Should().Be("省里已将时限调整至12月底");
        SummaryText.Deadline(june.State).Should().Be("尚未到期");
    }

    [Fact]
    public void A_lead_on_track_that_did_not_answer_is_not_said_to_have_missed_and_one_reporting_the_task_done_met_them()
    {
        CycleSummary silent = SummaryCompiler.Compile(Input(), [Lead(ReportedFigures.OnTrack)]);
        CycleSummary done = SummaryCompiler.Compile(Input(), [Lead(ReportedFigures.Done)]);

        silent.Deadlines.Select(d => d.State).Should().AllBeEquivalentTo(DeadlineState.NotAnswered);
        SummaryText.Deadline(DeadlineState.NotAnswered).Should().Be("牵头单位未说明");
        done.Deadlines.Select(d => d.State).Should().AllBeEquivalentTo(DeadlineState.Met);
    }

    [Fact]
    public void A_lead_that_never_reported_is_not_reported_at_close_and_pending_in_a_preview_before_its_due_day()
    {
        var owed = new Obligation("p-2020Q3", "a", 1, true, ObligationState.Outstanding, Due);

        SummaryCompiler.Compile(Input(), [owed]).Deadlines.Select(d => d.State).Should().AllBeEquivalentTo(DeadlineState.NotReported);
        SummaryCompiler.Compile(Input(final: false, asOf: Due.AddDays(-2)), [owed]).Deadlines.Select(d => d.State).Should().AllBeEquivalentTo(DeadlineState.Pending);
    }

    [Fact]
    public void A_deadline_reported_met_in_an_earlier_quarter_is_neither_asked_nor_reported_again_however_far_back()
    {
        CycleSummary q2 = SummaryCompiler.Compile(Input() with { CycleId = "p-2020Q2", Quarter = new Quarter(2020, 2) }, [Lead(ReportedFigures.OnTrack, new DeadlineAnswer(June, DeadlineAnswer.Met))]);
        CycleSummary q3 = SummaryCompiler.Compile(Input(previous: q2), [Lead(ReportedFigures.OnTrack, new DeadlineAnswer(September, DeadlineAnswer.Met))]);
        CycleSummary q4 = SummaryCompiler.Compile(Input(previous: q3) with { Quarter = new Quarter(2020, 4) }, [Lead(ReportedFigures.OnTrack)]);

        q3.Deadlines.Select(d => d.Date).Should().Equal(September);
        DeadlineQuestions.Asked(Plan.Tasks.Single(), new Quarter(2020, 4), DeadlineQuestions.MetBy(q3)).Should().BeEmpty();
        q4.Deadlines.Should().BeEmpty("June was met in Q2 and September in Q3; 2021-04-30 is not due by Q4's end");
        q4.MetEarlier.Should().Equal(new DeadlineRef(1, June), new DeadlineRef(1, September));
    }
}
