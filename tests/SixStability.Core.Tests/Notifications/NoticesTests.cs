using SixStability.Core.Calendar;
using SixStability.Core.Notifications;
using SixStability.Core.Units;

namespace SixStability.Core.Tests.Notifications;

public sealed class NoticesTests
{
    private static readonly CycleFacts Cycle = new("jingdezhen-2020Q3", "做好“六稳”工作落实“六保”任务实施方案", Quarter.Parse("2020Q3"), new Contact("市发改委", "fgw@example.gov.cn"));

    private static readonly Unit Rsj = new("rsj", "市人社局", UnitKind.Department, "rsj@example.gov.cn", "vm-social");

    private static readonly Uri Link = new("https://lwlb.example.gov.cn/u?t=abc&x=1");

    private static readonly DateOnly Due = new(2020, 10, 14);

    private static RenderedMail Only(MailBatch batch) => batch.Template.Render(batch.Recipients.Single().Values);

    [Fact]
    public void Reminder_subject_says_how_many_are_owed_and_when_they_are_due()
    {
        MailBatch batch = Notices.Reminder(Cycle, "reminder-1", [(Rsj, [new OwedTask(1, "稳定就业岗位", Due, 1), new OwedTask(3, "开展职业技能培训", Due, 1)], Link)]);

        RenderedMail mail = Only(batch);

        mail.Subject.Should().Be("【催报】2020年第三季度“六稳六保”落实情况 — 还差2项，10月14日截止");
        mail.Text.Should().StartWith("市人社局：")
            .And.Contain("（一）稳定就业岗位").And.Contain("（三）开展职业技能培训")
            .And.Contain("2020年10月14日（星期三）18:00").And.Contain("还剩1个工作日")
            .And.Contain("https://lwlb.example.gov.cn/u?t=abc&x=1");
        mail.Html.Should().Contain("<a href=\"https://lwlb.example.gov.cn/u?t=abc&amp;x=1\">").And.Contain("<li>（一）稳定就业岗位</li>");
        batch.Kind.Category().Should().Be("reminder");
        batch.Recipients.Single().Unit.Should().Be("rsj");
    }

    [Fact]
    public void Opening_notice_names_the_plan_and_the_deadline()
    {
        RenderedMail mail = Only(Notices.Opening(Cycle, "open", [(Rsj, [new OwedTask(1, "稳定就业岗位", Due, 5)], Link)]));

        mail.Subject.Should().Be("【报送通知】2020年第三季度“六稳六保”落实情况 — 共1项，10月14日前报送");
        mail.Text.Should().Contain("《做好“六稳”工作落实“六保”任务实施方案》").And.Contain("市发改委（fgw@example.gov.cn）");
    }

    [Fact]
    public void A_unit_whose_tasks_have_different_dates_sees_each_date()
    {
        RenderedMail mail = Only(Notices.Reminder(Cycle, "r", [(Rsj, [new OwedTask(1, "稳定就业岗位", Due, 0), new OwedTask(2, "乙", Due.AddDays(7), 5)], Link)]));

        mail.Text.Should().Contain("（一）稳定就业岗位（10月14日截止）").And.Contain("（二）乙（10月21日截止）").And.Contain("今天截止");
    }

    [Fact]
    public void Escalation_tells_each_reader_exactly_who_is_late_on_what_and_for_how_long()
    {
        LateItem[] late = [new("市人社局", 1, "稳定就业岗位", 3), new("市人社局", 3, "开展职业技能培训", 3), new("乐平市政府", 8, "加快项目建设", 1)];
        EscalationReader[] readers =
        [
            new("rsj", "市人社局", new Contact("市人社局", "rsj@example.gov.cn"), late[..2], "rsj", Link),
            new("vm-social", "张强副市长", new Contact("张强", "vm-social@example.gov.cn"), late[..2]),
            new("supervision", "市政府督查室", new Contact("市政府督查室", "dcs@example.gov.cn"), late),
        ];

        MailBatch batch = Notices.Escalation(Cycle, "escalation-2", 2, readers);
        RenderedMail unit = batch.Template.Render(batch.Recipients[0].Values);
        RenderedMail office = batch.Template.Render(batch.Recipients[2].Values);

        unit.Subject.Should().Be("【督办·橙色】2020年第三季度“六稳六保”落实情况 — 贵单位2项逾期未报");
        unit.Text.Should().Contain("市人社局　（一）稳定就业岗位　3").And.Contain("请立即通过专属链接补报：https://lwlb.example.gov.cn/u?t=abc&x=1");
        office.Subject.Should().Be("【督办·橙色】2020年第三季度“六稳六保”落实情况 — 2个单位3项逾期未报");
        office.Html.Should().Contain("<td>乐平市政府</td><td>（八）加快项目建设</td><td>1</td>");
        batch.Recipients.Select(r => r.Unit).Should().Equal("rsj", null, null);
    }

    [Fact]
    public void The_last_level_warns_of_accountability()
    {
        MailBatch batch = Notices.Escalation(Cycle, "escalation-3", 3, [new EscalationReader("supervision", "督查室", new Contact("督查室", "d@example.gov.cn"), [new("市人社局", 1, "稳定就业岗位", 5)])]);

        RenderedMail mail = Only(batch);

        mail.Subject.Should().StartWith("【督办·红色】");
        mail.Text.Should().Contain("将作为问责候选列入季度汇总");
    }

    [Fact]
    public void Returned_and_extension_notices_carry_the_reason_and_the_new_date()
    {
        RenderedMail returned = Only(Notices.Returned(Cycle, "returned-1", Rsj, new OwedTask(1, "稳定就业岗位", Due, 2), "请补充新增就业人数", Link));
        RenderedMail approved = Only(Notices.ExtensionDecision(Cycle, "extension-1", Rsj, true, new DateOnly(2020, 10, 21), null, Link));
        RenderedMail refused = Only(Notices.ExtensionDecision(Cycle, "extension-2", Rsj, false, Due, "理由不充分", Link));

        returned.Subject.Should().Be("【退回修改】2020年第三季度“六稳六保”落实情况 — （一）稳定就业岗位");
        returned.Text.Should().Contain("请补充新增就业人数");
        approved.Subject.Should().Be("【延期申请】2020年第三季度“六稳六保”落实情况 — 已同意，截止时间延至10月21日");
        refused.Text.Should().Contain("未获同意").And.Contain("说明：理由不充分");
    }

    [Fact]
    public void The_summary_mentions_an_attachment_only_when_there_is_one()
    {
        Contact[] readers = [new("市人民政府办公室", "szfb@example.gov.cn")];

        RenderedMail plain = Only(Notices.Summary(Cycle, "s", readers, MailValue.Of("概述"), []));
        RenderedMail filed = Only(Notices.Summary(Cycle, "s", readers, MailValue.Of("概述"), [new MailAttachment("汇总.docx", "application/octet-stream", [1])]));

        plain.Subject.Should().Be("【季度汇总】2020年第三季度“六稳六保”落实情况汇总报告");
        plain.Text.Should().NotContain("附件");
        filed.Text.Should().Contain("正式文件见附件");
    }

    [Fact]
    public void Hostile_text_is_escaped_in_html_and_left_readable_in_text()
    {
        Unit hostile = Rsj with { Name = "<script>alert(1)</script>&局" };

        RenderedMail mail = Only(Notices.Reminder(Cycle, "r", [(hostile, [new OwedTask(1, "\"引号\"", Due, 1)], Link)]));

        mail.Html.Should().NotContain("<script>").And.Contain("&lt;script&gt;alert(1)&lt;/script&gt;&amp;局").And.Contain("&quot;引号&quot;");
        mail.Text.Should().StartWith("<script>alert(1)</script>&局：");
    }

    [Fact]
    public void Every_placeholder_of_every_notice_has_a_value()
    {
        MailBatch[] batches =
        [
            Notices.Opening(Cycle, "o", [(Rsj, [new OwedTask(1, "a", Due, 1)], Link)]),
            Notices.Reminder(Cycle, "r", [(Rsj, [new OwedTask(1, "a", Due, 1)], Link)]),
            Notices.Escalation(Cycle, "e", 1, [new EscalationReader("x", "x", new Contact("x", "x@example.gov.cn"), [new("a", 1, "b", 1)])]),
            Notices.Returned(Cycle, "t", Rsj, new OwedTask(1, "a", Due, 1), "r", Link),
            Notices.ExtensionDecision(Cycle, "x", Rsj, true, Due, "n", Link),
            Notices.Summary(Cycle, "s", [new Contact("市政府办公室", "szfb@example.gov.cn")], MailValue.Of("概述"), []),
        ];

        foreach (MailBatch batch in batches)
        {
            foreach (MailRecipient r in batch.Recipients)
            {
                batch.Template.Names.Should().BeSubsetOf(r.Values.Keys, batch.Kind.ToString());
                batch.Template.Render(r.Values).Text.Should().NotContain("{{");
            }
        }
    }
}
