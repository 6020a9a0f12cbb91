using SixStability.Core.Calendar;
using SixStability.Core.Notifications;
using SixStability.Core.Units;
using SixStability.Workflow.Notifications;
using SixStability.Workflow.Rendering;

namespace SixStability.Workflow.Tests.Notifications;

public sealed class MailComposerTests
{
    private static readonly CycleFacts Cycle = new("jingdezhen-2020Q3", "做好“六稳”工作落实“六保”任务实施方案", Quarter.Parse("2020Q3"), new Contact("市发改委（六稳六保工作专班）", "fgw@example.gov.cn"));

    private static readonly Unit Rsj = new("rsj", "市人社局", UnitKind.Department, "rsj@example.gov.cn", "vm-social");

    private static readonly Uri Link = new("https://lwlb.example.gov.cn/u?t=abc&x=1");

    private static readonly DateOnly Due = new(2020, 10, 14);

    private static readonly MailComposer Composer = new(new HtmlComposer());

    [Fact]
    public async Task A_reminder_says_in_its_subject_how_many_are_owed_and_by_when_and_lists_them_with_the_link()
    {
        MailBatch batch = await Composer.ReminderAsync(Cycle, "reminder-1", [new UnitNotice(Rsj, [new OwedTask(1, "稳定就业岗位", Due, 1), new OwedTask(3, "开展职业技能培训", Due, 1)], Link)]);

        RenderedMail mail = batch.Recipients.Single().Mail;
        mail.Subject.Should().Be("【催报】2020年第三季度“六稳六保”落实情况 — 还差2项，10月14日截止");
        mail.Text.Should().StartWith("市人社局：")
            .And.Contain("  - （一）稳定就业岗位").And.Contain("  - （三）开展职业技能培训")
            .And.Contain("2020年10月14日（星期三）18:00").And.Contain("还剩1个工作日")
            .And.Contain("https://lwlb.example.gov.cn/u?t=abc&x=1");
        mail.Html.Should().Contain("<a href=\"https://lwlb.example.gov.cn/u?t=abc&amp;x=1\"").And.Contain("<li>（一）稳定就业岗位</li>");
        batch.Kind.Category().Should().Be("reminder");
        batch.Recipients.Single().Unit.Should().Be("rsj");
    }

    [Fact]
    public async Task The_opening_notice_names_the_plan_the_deadline_and_who_to_ask_without_brackets_back_to_back()
    {
        RenderedMail mail = (await Composer.OpeningAsync(Cycle, "open", [new UnitNotice(Rsj, [new OwedTask(1, "稳定就业岗位", Due, 5)], Link)])).Recipients.Single().Mail;

        mail.Subject.Should().Be("【报送通知】2020年第三季度“六稳六保”落实情况 — 共1项，10月14日前报送");
        mail.Text.Should().Contain("《做好“六稳”工作落实“六保”任务实施方案》").And.Contain("请联系市发改委（六稳六保工作专班），邮箱：fgw@example.gov.cn");
        mail.Text.Should().NotContain("）（");
    }

    [Fact]
    public async Task A_unit_whose_tasks_have_different_dates_sees_each_date()
    {
        RenderedMail mail = (await Composer.ReminderAsync(Cycle, "r", [new UnitNotice(Rsj, [new OwedTask(1, "稳定就业岗位", Due, 0), new OwedTask(2, "乙", Due.AddDays(7), 5)], Link)])).Recipients.Single().Mail;

        mail.Text.Should().Contain("（一）稳定就业岗位（10月14日截止）").And.Contain("（二）乙（10月21日截止）").And.Contain("今天截止");
    }

    [Fact]
    public async Task An_escalation_tells_each_reader_who_is_late_on_what_and_for_how_long()
    {
        LateItem[] late = [new("市人社局", 1, "稳定就业岗位", 3, "刘洋", "0798-8222111"), new("市人社局", 3, "开展职业技能培训", 3, "刘洋", "0798-8222111"), new("乐平市政府", 8, "加快项目建设", 1)];
        EscalationReader[] readers =
        [
            new("rsj", "市人社局", new Contact("市人社局", "rsj@example.gov.cn"), late[..2], "rsj", Link),
            new("leader-vm-social", "张强副市长", new Contact("张强", "vm-social@example.gov.cn"), late[..2]),
            new("supervision", "市政府督查室", new Contact("市政府督查室", "dcs@example.gov.cn"), late),
        ];

        MailBatch batch = await Composer.EscalationAsync(Cycle, "escalation-2", 2, readers);

        batch.Recipients[0].Mail.Subject.Should().Be("【督办·橙色】2020年第三季度“六稳六保”落实情况 — 贵单位2项逾期未报");
        batch.Recipients[0].Mail.Text.Should().Contain("（一）稳定就业岗位　3").And.Contain("请立即通过专属链接补报").And.Contain(Link.AbsoluteUri);
        batch.Recipients[2].Mail.Subject.Should().Be("【督办·橙色】2020年第三季度“六稳六保”落实情况 — 2个单位3项逾期未报");
        batch.Recipients.Select(r => r.Unit).Should().Equal("rsj", null, null);
    }

    [Fact]
    public async Task Leaders_read_one_row_per_late_unit_with_its_tasks_and_whom_to_call()
    {
        LateItem[] late = [new("乐平市政府", 8, "加快项目建设", 1), new("市人社局", 3, "开展职业技能培训", 3, "刘洋", "0798-8222111"), new("市人社局", 1, "稳定就业岗位", 3, "刘洋", "0798-8222111")];

        MailBatch batch = await Composer.EscalationAsync(Cycle, "escalation-2", 2, [new EscalationReader("supervision", "市政府督查室", new Contact("市政府督查室", "dcs@example.gov.cn"), late)]);

        string html = batch.Recipients.Single().Mail.Html;
        html.Should().Contain("<th>单位</th><th>逾期未报的任务</th><th>逾期（工作日）</th><th>联系人及电话</th>");
        html.Should().Contain(">市人社局</td>").And.Contain("（一）稳定就业岗位<br>（三）开展职业技能培训").And.Contain("<td>刘洋 0798-8222111</td>");
        html.IndexOf("市人社局", StringComparison.Ordinal).Should().BeLessThan(html.IndexOf("乐平市政府", StringComparison.Ordinal), "the latest unit comes first");
        html.Should().Contain("<td>—</td>", "乐平市政府 has no 联络员 in the directory");
        System.Text.RegularExpressions.Regex.Count(html, "<tr>").Should().Be(3, "a header and one row per unit, not one per task");
    }

    [Fact]
    public async Task Every_mail_names_the_coordinators_contact_person_and_phone_when_the_directory_has_them()
    {
        CycleFacts withPerson = Cycle with { Coordinator = Cycle.Coordinator with { Person = "陈静", Phone = "0798-8222333" } };

        RenderedMail mail = (await Composer.OpeningAsync(withPerson, "open", [new UnitNotice(Rsj, [new OwedTask(1, "稳定就业岗位", Due, 5)], Link)])).Recipients.Single().Mail;

        mail.Text.Should().Contain("请联系市发改委（六稳六保工作专班），联系人：陈静，电话：0798-8222333，邮箱：fgw@example.gov.cn。");
    }

    [Fact]
    public async Task The_last_level_warns_of_accountability()
    {
        MailBatch batch = await Composer.EscalationAsync(Cycle, "escalation-3", 3, [new EscalationReader("supervision", "督查室", new Contact("督查室", "d@example.gov.cn"), [new("市人社局", 1, "稳定就业岗位", 5)])]);

        batch.Recipients.Single().Mail.Subject.Should().StartWith("【督办·红色】");
        batch.Recipients.Single().Mail.Text.Should().Contain("将作为问责候选列入季度汇总");
    }

    [Fact]
    public async Task Returns_and_extension_decisions_carry_the_reason_and_state_the_new_date_once()
    {
        RenderedMail returned = (await Composer.ReturnedAsync(Cycle, "returned-1", Rsj, new OwedTask(1, "稳定就业岗位", Due, 2), "请补充新增就业人数", Link)).Recipients.Single().Mail;
        RenderedMail approved = (await Composer.ExtensionDecisionAsync(Cycle, "extension-1", Rsj, true, new DateOnly(2020, 10, 21), null, Link)).Recipients.Single().Mail;
        RenderedMail refused = (await Composer.ExtensionDecisionAsync(Cycle, "extension-2", Rsj, false, Due, "理由不充分", Link)).Recipients.Single().Mail;

        returned.Subject.Should().Be("【退回修改】2020年第三季度“六稳六保”落实情况 — （一）稳定就业岗位");
        returned.Text.Should().Contain("请补充新增就业人数");
        approved.Subject.Should().Be("【延期申请】2020年第三季度“六稳六保”落实情况 — 已同意，截止时间延至10月21日");
        System.Text.RegularExpressions.Regex.Matches(approved.Text, "10月21日").Should().ContainSingle("the body states the new date once");
        refused.Text.Should().Contain("未获同意").And.Contain("说明：理由不充分");
    }
}
