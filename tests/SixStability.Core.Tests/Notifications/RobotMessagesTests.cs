using System.Text;
using SixStability.Core.Calendar;
using SixStability.Core.Notifications;
using SixStability.Core.Units;

namespace SixStability.Core.Tests.Notifications;

public sealed class RobotMessagesTests
{
    private static readonly CycleFacts Cycle = new("jingdezhen-2020Q3", "做好“六稳”工作落实“六保”任务实施方案", Quarter.Parse("2020Q3"), new Contact("市发改委", "fgw@example.gov.cn"));

    private static readonly Unit Rsj = new("rsj", "市人社局", UnitKind.Department, "rsj@example.gov.cn", "vm-social");

    private static readonly Uri Link = new("https://lwlb.example.gov.cn/u?t=abc(1)");

    private static readonly DateOnly Due = new(2020, 10, 14);

    private static readonly ChannelAddress WeCom = new(ChannelKind.WeCom, "rsj_group");

    private static readonly ChannelAddress DingTalkWithClerk = new(ChannelKind.DingTalk, "rsj_ding", ["13800000001"]);

    [Fact]
    public void A_reminder_says_who_owes_how_many_by_when_how_many_working_days_are_left_and_links_the_units_page()
    {
        var notice = new UnitNotice(Rsj, [new OwedTask(1, "稳定就业岗位", Due, 1), new OwedTask(3, "开展职业技能培训", Due, 1)], Link);

        RobotMessage message = RobotMessages.Reminder(Cycle, notice, WeCom);

        message.Title.Should().Be("【催报】市人社局还差2项，10月14日截止");
        message.Markdown.Should().Be(
            "### 【催报】2020年第三季度“六稳六保”落实情况\n\n" +
            "**市人社局**：还有**2**项未报送，截止时间**2020年10月14日（星期三）18:00**，**还剩1个工作日**。\n\n" +
            "- （一）稳定就业岗位\n- （三）开展职业技能培训\n\n" +
            "[打开填报页面](https://lwlb.example.gov.cn/u?t=abc%281%29)");
        message.Text.Should().Be(
            "【催报】2020年第三季度“六稳六保”落实情况\n" +
            "市人社局：还有2项未报送，截止时间2020年10月14日（星期三）18:00，还剩1个工作日。\n" +
            "· （一）稳定就业岗位\n· （三）开展职业技能培训\n" +
            "打开填报页面：https://lwlb.example.gov.cn/u?t=abc(1)");
        message.Mobiles.Should().BeEmpty();
    }

    [Fact]
    public void On_the_due_day_it_says_today_and_tasks_with_their_own_due_days_show_them()
    {
        var notice = new UnitNotice(Rsj, [new OwedTask(1, "稳定就业岗位", Due, 0), new OwedTask(3, "开展职业技能培训", Due.AddDays(6), 4)], Link);

        string markdown = RobotMessages.Reminder(Cycle, notice, WeCom).Markdown;

        markdown.Should().Contain("**今天截止**").And.Contain("- （一）稳定就业岗位（10月14日截止）").And.Contain("- （三）开展职业技能培训（10月20日截止）");
    }

    [Fact]
    public void DingTalk_mentions_the_clerk_in_the_text_too_while_WeCom_markdown_leaves_mentions_to_its_text_form()
    {
        var notice = new UnitNotice(Rsj, [new OwedTask(1, "稳定就业岗位", Due, 1)], Link);

        RobotMessage ding = RobotMessages.Reminder(Cycle, notice, DingTalkWithClerk);
        RobotMessage wecom = RobotMessages.Reminder(Cycle, notice, WeCom with { Mobiles = ["13800000001"] });

        ding.Markdown.Should().EndWith("\n\n@13800000001");
        ding.Mobiles.Should().Equal("13800000001");
        wecom.Markdown.Should().NotContain("13800000001");
        wecom.Mobiles.Should().Equal("13800000001");
    }

    [Fact]
    public void A_late_unit_hears_its_late_tasks_how_late_and_its_link_to_report()
    {
        var reader = new EscalationReader("rsj", "市人社局", new Contact("市人社局", "rsj@example.gov.cn"), [new LateItem("市人社局", 1, "稳定就业岗位", 3)], "rsj", Link);

        RobotMessage message = RobotMessages.Escalation(Cycle, 2, reader, WeCom);

        message.Title.Should().Be("【督办·橙色】市人社局1项逾期未报");
        message.Markdown.Should().Be(
            "### 【督办·橙色】2020年第三季度“六稳六保”落实情况\n\n" +
            "**市人社局**：**1项逾期未报**，已逾期**3个工作日**（第2级督办）。\n\n" +
            "- （一）稳定就业岗位\n\n" +
            "[立即补报](https://lwlb.example.gov.cn/u?t=abc%281%29)");
    }

    [Fact]
    public void The_coordinator_hears_each_late_unit_on_one_line_most_late_first_and_gets_the_boards_link()
    {
        var late = new List<LateItem> { new("市财政局", 2, "扩大就业", 1), new("市人社局", 1, "稳定就业岗位", 5), new("市人社局", 3, "开展职业技能培训", 5) };
        var reader = new EscalationReader("coordinator", "市发改委", new Contact("市发改委", "fgw@example.gov.cn"), late, Board: new Uri("https://lwlb.example.gov.cn/coord"));

        RobotMessage message = RobotMessages.Escalation(Cycle, 3, reader, WeCom);

        message.Title.Should().Be("【督办·红色】2个单位3项逾期未报");
        message.Markdown.Should().Be(
            "### 【督办·红色】2020年第三季度“六稳六保”落实情况\n\n" +
            "**市发改委**：**2个单位3项逾期未报**（第3级督办）：\n\n" +
            "- 市人社局：2项，逾期5个工作日\n- 市财政局：（二）扩大就业，逾期1个工作日\n\n" +
            "第3级督办后仍未报送的单位，将作为问责候选列入季度汇总。\n\n" +
            "[查看督办看板](https://lwlb.example.gov.cn/coord)");
    }

    [Fact]
    public void A_leader_without_a_board_is_asked_to_press_the_units_and_gets_no_link()
    {
        var reader = new EscalationReader("leader-vm", "张强副市长", new Contact("张强", "vm@example.gov.cn"), [new LateItem("市人社局", 1, "稳定就业岗位", 2)]);

        string markdown = RobotMessages.Escalation(Cycle, 2, reader, WeCom).Markdown;

        markdown.Should().EndWith("请督促相关单位尽快报送。").And.NotContain("](");
    }

    [Fact]
    public void Names_are_data_they_cannot_open_a_link_bold_a_heading_a_quote_or_a_mention()
    {
        var hostile = Rsj with { Name = "**[点我](https://evil.example)** <@all> <font color=\"warning\">\n# 标题\n> 引用 @13800000001 `x` ~y~ |z| \\" };
        var notice = new UnitNotice(hostile, [new OwedTask(1, "[任务](javascript:alert(1))_下划线_", Due, 1)], Link);

        RobotMessage message = RobotMessages.Reminder(Cycle, notice, DingTalkWithClerk);

        string body = message.Markdown[..message.Markdown.LastIndexOf("\n\n[打开填报页面]", StringComparison.Ordinal)];
        body.Should().NotContainAny("[点我]", "](", "<@", "<font", "\n# ", "\n> ", "`", "~", "|", "\\", "_", "@13800000001");
        body.Should().Contain("＊＊［点我］(https://evil.example)＊＊ ＜＠all＞ ＜font color=\"warning\"＞ ＃ 标题 ＞ 引用 ＠13800000001 ｀x｀ ～y～ ｜z｜ ＼");
        body.Should().Contain("［任务］(javascript:alert(1))＿下划线＿");
        message.Markdown.Should().EndWith("@13800000001", "only the directory's own mobile is @'d");
    }

    [Fact]
    public void A_long_list_is_cut_for_a_phone_and_stays_within_what_the_robots_accept()
    {
        var notice = new UnitNotice(Rsj, [.. Enumerable.Range(1, 22).Select(i => new OwedTask(i, new string('很', 120), Due, 1))], Link);

        RobotMessage message = RobotMessages.Reminder(Cycle, notice, WeCom with { Mobiles = ["13800000001"] });

        message.Markdown.Should().Contain("……另有").And.Contain("项，详见邮件").And.EndWith("(https://lwlb.example.gov.cn/u?t=abc%281%29)");
        message.Text.Should().EndWith("打开填报页面：https://lwlb.example.gov.cn/u?t=abc(1)");
        Encoding.UTF8.GetByteCount(message.Markdown).Should().BeLessThanOrEqualTo(4096, "WeCom markdown's limit");
        Encoding.UTF8.GetByteCount(message.Text).Should().BeLessThanOrEqualTo(2048, "WeCom text's limit");
        message.Markdown.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)).Should().BeLessThanOrEqualTo(8);
    }
}
