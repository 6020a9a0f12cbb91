using SixStability.Core.Cycles;
using SixStability.Core.Notifications;
using SixStability.Core.Reports;
using SixStability.Core.Rules;
using SixStability.Core.Submissions;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Pages.Unit;
using SixStability.Workflow.Ports;
using SixStability.Workflow.Rendering;
using SixStability.Workflow.Reports;
using SixStability.Workflow.Submissions;

namespace SixStability.Workflow.Tests.Reports;

/// <summary>
/// The lead unit (牵头单位) consolidates its task: its co-units are due a working day earlier, its page
/// shows what they reported, its form asks 是否按期完成 for each dated deadline.
/// </summary>
public sealed class LeadConsolidationTests
{
    private static readonly SubmissionForm CoUnitReport = new("市发改委配合落实农民工工资保证金缓缴政策，涉及项目42个。", ReportedFigures.OnTrack, null, "部分企业对缓缴政策知晓度不高。", "加强政策宣传。");

    [Fact]
    public async Task Co_units_are_due_one_working_day_before_the_lead_unit_and_the_timeline_has_both_due_days()
    {
        await using Workbench bench = await Workbench.CreateAsync();

        await bench.OpenCycleAsync();

        List<Obligation> all = await bench.Obligations.ListAllAsync(Workbench.CycleId, null, CancellationToken.None);
        all.Where(o => o.IsLead).Select(o => o.Due).Distinct().Should().Equal(new DateOnly(2020, 10, 14));
        all.Where(o => !o.IsLead).Select(o => o.Due).Distinct().Should().Equal([new DateOnly(2020, 10, 13)], "Tuesday, one working day before Wednesday the 14th");
        (await bench.Obligations.DueDaysAsync(Workbench.CycleId, CancellationToken.None)).Should().BeEquivalentTo([new DateOnly(2020, 10, 13), new DateOnly(2020, 10, 14)]);
    }

    [Fact]
    public async Task A_configured_policy_moves_the_co_units_due_day_and_zero_keeps_one_due_day_for_all()
    {
        await using Workbench bench = await Workbench.CreateAsync(policy: CyclePolicy.Default with { CoUnitWorkingDaysBeforeLead = 0 });

        await bench.OpenCycleAsync();

        (await bench.Obligations.DueDaysAsync(Workbench.CycleId, CancellationToken.None)).Should().Equal(new DateOnly(2020, 10, 14));
    }

    [Fact]
    public async Task The_lead_units_page_shows_each_co_units_submission_to_consolidate_and_asks_about_each_deadline()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();
        (await bench.Get<SaveReportUseCase>().RunAsync(new SaveReportCommand(Workbench.CycleId, "fgw", 1, CoUnitReport, Draft: false), CancellationToken.None)).IsOk.Should().BeTrue();

        Outcome<UnitPageModel> model = await bench.Get<UnitPageQuery>().RunAsync(Workbench.CycleId, "rsj", "u?t=x", null, null, null, null, CancellationToken.None);
        string page = await bench.Get<HtmlComposer>().PageAsync<UnitPage>(new Dictionary<string, object?> { ["Model"] = model.Value });

        model.Value!.CoUnits[1].Select(c => c.UnitId).Should().Equal("fgw", "czj", "kjj", "swj", "tax", "scjgj");
        model.Value.CoUnits[1].Single(c => c.UnitId == "fgw").Text!.Narrative.Should().Be(CoUnitReport.Narrative);
        model.Value.CoUnits.Should().NotContainKey(4, "市人社局 is a co-unit of task 4, not its lead");
        page.Should().Contain("id=\"co-units-1\"").And.Contain("<b>配合单位报送情况</b>（已报送 1/6）").And.Contain("市发改委配合落实农民工工资保证金缓缴政策，涉及项目42个。").And.Contain("部分企业对缓缴政策知晓度不高。");
        model.Value.Deadlines[1].Select(d => d.Date).Should().Equal([new DateOnly(2020, 6, 30)], "2021-04-30 is not due by the quarter's end");
        page.Should().Contain("id=\"deadlines-1\"").And.Contain("name=\"dl.0\"").And.Contain("value=\"未按期完成\"").And.Contain("name=\"dldate.0\" value=\"2020-06-30\"");
    }

    [Fact]
    public async Task A_co_units_page_shows_no_one_elses_reports_and_asks_no_deadline()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();

        UnitPageModel model = (await bench.Get<UnitPageQuery>().RunAsync(Workbench.CycleId, "czj", "u?t=x", null, null, null, null, CancellationToken.None)).Value!;

        model.View.Obligations.Where(o => !o.IsLead).Select(o => o.TaskNumber).Should().Contain(1);
        model.CoUnits.Should().NotContainKey(1);
        model.Deadlines.Should().NotContainKey(1);
    }

    [Fact]
    public async Task A_lead_unit_answers_each_deadline_a_missed_one_with_its_reason_and_the_report_says_which_were_met()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();
        SaveReportUseCase save = bench.Get<SaveReportUseCase>();
        var june = new DateOnly(2020, 6, 30);

        Outcome<SavedReport> unanswered = await save.RunAsync(new SaveReportCommand(Workbench.CycleId, "rsj", 1, new SubmissionForm("进展。", ReportedFigures.OnTrack, Deadlines: []), Draft: false), CancellationToken.None);
        Outcome<SavedReport> noReason = await save.RunAsync(new SaveReportCommand(Workbench.CycleId, "rsj", 1, new SubmissionForm("进展。", ReportedFigures.OnTrack, Deadlines: [new DeadlineAnswer(june, DeadlineAnswer.Missed)]), Draft: false), CancellationToken.None);
        Outcome<SavedReport> notAsked = await save.RunAsync(new SaveReportCommand(Workbench.CycleId, "rsj", 1, new SubmissionForm("进展。", ReportedFigures.OnTrack, Deadlines: [new DeadlineAnswer(new DateOnly(2021, 4, 30), DeadlineAnswer.Met)]), Draft: true), CancellationToken.None);
        Outcome<SavedReport> coUnit = await save.RunAsync(new SaveReportCommand(Workbench.CycleId, "fgw", 1, new SubmissionForm("进展。", ReportedFigures.OnTrack, Deadlines: [new DeadlineAnswer(june, DeadlineAnswer.Met)]), Draft: false), CancellationToken.None);
        Outcome<SavedReport> answered = await save.RunAsync(new SaveReportCommand(Workbench.CycleId, "rsj", 1, new SubmissionForm("进展。", ReportedFigures.OnTrack, Deadlines: [new DeadlineAnswer(june, DeadlineAnswer.Missed, "部分项目手续未完备")]), Draft: false), CancellationToken.None);

        unanswered.Errors.Select(e => e.Field).Should().Equal("deadlines.2020-06-30");
        noReason.Errors.Select(e => e.Field).Should().Equal("deadlines[0].reason");
        notAsked.Errors.Select(e => e.Field).Should().Equal("deadlines[0].date");
        coUnit.Errors.Select(e => e.Field).Should().Equal("deadlines[0].date");
        answered.IsOk.Should().BeTrue(answered.Message);
        CycleContext cycle = await bench.Get<CycleContextLoader>().LoadAsync(Workbench.CycleId, CancellationToken.None);
        (CycleSummary summary, _) = await bench.Get<SummaryReports>().CompileAsync(cycle, final: false, CancellationToken.None);
        summary.Deadlines.Single(d => d.Task == 1).Should().Be(new DeadlineSummary(1, "稳定就业岗位", june, "2020年6月底前,允许工程建设项目暂缓缴存农民工工资保证金,按企业信用实行差异化缴存", DeadlineState.NotMet, "部分项目手续未完备", "市人社局"));
    }

    [Fact]
    public async Task A_client_written_before_deadline_answers_still_submits_and_the_report_says_the_lead_did_not_answer()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();

        Outcome<SavedReport> saved = await bench.Get<SaveReportUseCase>().RunAsync(new SaveReportCommand(Workbench.CycleId, "rsj", 1, new SubmissionForm("进展。", ReportedFigures.OnTrack), Draft: false), CancellationToken.None);

        saved.IsOk.Should().BeTrue(saved.Message);
        CycleContext cycle = await bench.Get<CycleContextLoader>().LoadAsync(Workbench.CycleId, CancellationToken.None);
        (CycleSummary summary, _) = await bench.Get<SummaryReports>().CompileAsync(cycle, final: false, CancellationToken.None);
        summary.Deadlines.Single(d => d.Task == 1).State.Should().Be(DeadlineState.NotAnswered, "按进度推进 says nothing about the June deadline");
    }

    [Fact]
    public async Task The_summary_mail_greets_each_reader_once_and_names_the_mayor_as_the_escalation_mails_do()
    {
        await using Workbench bench = await Workbench.CreateAsync(directory: d => d with { SummaryRecipients = [.. d.SummaryRecipients.Select(r => r.Email == "mayor@example.gov.cn" ? r with { Name = "赵文 市长" } : r)] });
        await ReportedCycle.PlayAsync(bench);

        RenderedMail mayor = bench.Mailer.Sent.Single(s => s.Batch.Kind == MailKind.Summary && s.Recipient.To.Single().Email == "mayor@example.gov.cn").Recipient.Mail;

        mayor.Text.Should().StartWith("赵文市长：");
        mayor.Text.Should().NotContain("市人民政府：", "the greeting addresses the reader; the report's 主送 line is left to the .docx");
        mayor.Html.Should().Contain("关于2020年第三季度“六稳六保”工作落实情况的报告").And.Contain("特此报告。");
    }
}
