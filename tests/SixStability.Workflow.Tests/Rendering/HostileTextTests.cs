using System.Text.RegularExpressions;
using SixStability.Core.Calendar;
using SixStability.Core.Notifications;
using SixStability.Core.Reports;
using SixStability.Core.Rules;
using SixStability.Core.Submissions;
using SixStability.Core.Units;
using SixStability.Workflow.Access;
using SixStability.Workflow.Audit;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Notifications;
using SixStability.Workflow.Pages.Coordinator;
using SixStability.Workflow.Pages.Unit;
using SixStability.Workflow.Rendering;
using SixStability.Workflow.Reports;
using SixStability.Workflow.Reviews;
using SixStability.Workflow.Submissions;

namespace SixStability.Workflow.Tests.Rendering;

/// <summary>Whatever people type, and whatever a plan or directory says, is text in every page and mail: encoded, never markup, never a template.</summary>
public sealed partial class HostileTextTests
{
    [Fact]
    public async Task The_units_page_encodes_the_plan_the_directory_and_everything_the_clerk_and_the_coordinator_typed()
    {
        await using Workbench bench = await Workbench.CreateAsync(Hostile.Plan, Hostile.Directory);
        await bench.OpenCycleAsync();
        var form = new SubmissionForm("进展" + Hostile.Text, ReportedFigures.OnTrack, [], "困难" + Hostile.Text, "打算" + Hostile.Text);
        (await bench.Get<SaveReportUseCase>().RunAsync(new SaveReportCommand(Workbench.CycleId, "rsj", 1, form, Draft: false), CancellationToken.None)).IsOk.Should().BeTrue();
        (await bench.Get<AttachFileUseCase>().RunAsync(new AttachFileCommand(Workbench.CycleId, "rsj", 2, "台账" + Hostile.Text + ".pdf", new byte[] { 1 }), CancellationToken.None)).IsOk.Should().BeTrue();
        (await bench.Get<SaveReportUseCase>().RunAsync(new SaveReportCommand(Workbench.CycleId, "rsj", 3, form, Draft: false), CancellationToken.None)).IsOk.Should().BeTrue();
        (await bench.Get<ReturnSubmissionUseCase>().RunAsync(new ReturnSubmissionCommand(Workbench.CycleId, "rsj", 3, "退回" + Hostile.Text, Workbench.Coordinator), CancellationToken.None)).IsOk.Should().BeTrue();
        (await bench.Get<RequestExtensionUseCase>().RunAsync(new RequestExtensionCommand(Workbench.CycleId, "rsj", new DateOnly(2020, 10, 20), "理由" + Hostile.Text), CancellationToken.None)).IsOk.Should().BeTrue();
        (await bench.Get<DecideExtensionUseCase>().RunAsync(new DecideExtensionCommand(Workbench.CycleId, "rsj", false, "意见" + Hostile.Text, Workbench.Coordinator), bench.Engine, CancellationToken.None)).IsOk.Should().BeTrue();
        var message = new PageMessage(false, "提示" + Hostile.Text, [new FieldError("narrative", "字段" + Hostile.Text)]);
        UnitPageModel model = (await bench.Get<UnitPageQuery>().RunAsync(Workbench.CycleId, "rsj", "u?t=" + Uri.EscapeDataString(Hostile.Text), 1, message, form, new Dictionary<string, string> { ["x"] = Hostile.Text }, CancellationToken.None)).Value!;

        string html = await bench.Get<HtmlComposer>().PageAsync<UnitPage>(new Dictionary<string, object?> { ["Model"] = model });

        Hostile.ShouldBeEncodedIn(html, "the unit's page");
        html.Should().Contain("进展&lt;img").And.Contain("困难&lt;img").And.Contain("退回&lt;img").And.Contain("台账&lt;img").And.Contain("意见&lt;img").And.Contain("提示&lt;img").And.Contain("字段&lt;img");
        html.Should().Contain("{{nope}}", "braces are text, not a template");
        foreach ((MailBatch batch, MailRecipient mail) in bench.Mailer.Sent)
        {
            Hostile.ShouldBeEncodedIn(mail.Mail.Html, batch.Kind.ToString());
            mail.Mail.Text.Should().Contain(Hostile.Text, "the plain-text part keeps the text as typed");
        }
    }

    [Fact]
    public async Task The_summary_encodes_plan_titles_unit_names_and_reasons_in_the_page_and_in_its_mail()
    {
        await using Workbench bench = await Workbench.CreateAsync(Hostile.Plan, Hostile.Directory);
        await bench.OpenCycleAsync();
        CycleContext cycle = await bench.Get<CycleContextLoader>().LoadAsync(Workbench.CycleId, CancellationToken.None);
        SummaryReports reports = bench.Get<SummaryReports>();
        (CycleSummary summary, _) = await reports.CompileAsync(cycle, final: false, CancellationToken.None);

        string page = await reports.HtmlAsync(summary);
        MailBatch mail = await bench.Get<MailComposer>().SummaryAsync(cycle.Facts, "summary", cycle.Lookup.Directory.SummaryRecipients, reports.Layout(summary), []);

        Hostile.ShouldBeEncodedIn(page, "the summary page");
        Hostile.ShouldBeEncodedIn(mail.Recipients[0].Mail.Html, "the summary mail");
    }

    [Fact]
    public async Task Every_kind_of_mail_encodes_every_value_and_never_reads_a_value_as_a_template()
    {
        var composer = new MailComposer(new HtmlComposer());
        var cycle = new CycleFacts("c-2020Q3", "方案" + Hostile.Text, Quarter.Parse("2020Q3"), new Contact("市发改委" + Hostile.Text, "fgw@example.gov.cn"));
        var unit = new Unit("rsj", "市人社局" + Hostile.Text, UnitKind.Department, "rsj@example.gov.cn", "vm");
        var owed = new OwedTask(1, "稳定就业岗位" + Hostile.Text, new DateOnly(2020, 10, 14), 1);
        var link = new Uri("https://lwlb.example.gov.cn/u?t=a&b=%3Cimg%3E");
        var notice = new UnitNotice(unit, [owed], link);
        EscalationReader[] readers = [new("rsj", unit.Name, new Contact(unit.Name, unit.Email), [new LateItem(unit.Name, 1, owed.Title, 3)], "rsj", link), new("supervision", "督查室" + Hostile.Text, new Contact("督查室", "d@example.gov.cn"), [new LateItem(unit.Name, 1, owed.Title, 3)])];

        MailBatch[] batches =
        [
            await composer.OpeningAsync(cycle, "open", [notice]),
            await composer.ReminderAsync(cycle, "r", [notice]),
            await composer.EscalationAsync(cycle, "e", 3, readers),
            await composer.ReturnedAsync(cycle, "t", unit, owed, "理由" + Hostile.Text, link),
            await composer.ExtensionDecisionAsync(cycle, "x", unit, false, owed.Due, "说明" + Hostile.Text, link),
        ];

        foreach (MailRecipient r in batches.SelectMany(b => b.Recipients))
        {
            Hostile.ShouldBeEncodedIn(r.Mail.Html, r.Key);
            r.Mail.Text.Should().Contain(Hostile.Text);
            r.Mail.Html.Should().Contain("{{nope}}");
        }
    }

    [Fact]
    public async Task The_coordinators_board_has_no_inline_script_no_event_handler_attributes_and_encodes_the_audit_trail()
    {
        using var composer = new HtmlComposer();
        var typed = new AuditEntry(DateTimeOffset.UtcNow, "dev" + Hostile.Text, "协调员" + Hostile.Text, "协调员", ActorKind.Person, AuditAction.ReturnSubmission, Workbench.CycleId, "rsj 任务1" + Hostile.Text, "r1", "r2", "理由" + Hostile.Text, "127.0.0.1");
        Actor viewer = Workbench.Coordinator with { Name = "协调员" + Hostile.Text };

        string html = await composer.PageAsync<CoordinatorPage>(new Dictionary<string, object?>
        {
            ["Viewer"] = viewer,
            ["Token"] = "token\"" + Hostile.Text,
            ["SignIn"] = SignInFlow.Local,
            ["Audit"] = new AuditPanel([typed], new AuditFilter(Workbench.CycleId, Hostile.Text), [Workbench.CycleId], Truncated: false),
        });

        ScriptTag().Matches(html).Should().OnlyContain(m => m.Value.Contains("src=\"/assets/", StringComparison.Ordinal));

        // Attributes of the real tags (quoted values emptied: a typed "onerror=" inside a value or the text is not an attribute).
        Tag().Matches(QuotedValue().Replace(html, "\"\"")).Should().NotContain(t => EventAttribute().IsMatch(t.Value));
        html.Should().Contain("<table id=\"board\">").And.Contain("<table id=\"audit-table\">");
        Hostile.ShouldBeEncodedIn(html, "audit trail and the reader's name");
    }

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventAttribute();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex QuotedValue();
}
