using SixStability.Core.Cycles;
using SixStability.Core.Notifications;
using SixStability.Core.Rules;
using SixStability.Core.Units;
using SixStability.Workflow.Access;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Notifications;
using SixStability.Workflow.Ports;
using SixStability.Workflow.Units;

namespace SixStability.Workflow.Tests.Notifications;

/// <summary>
/// Reminders and escalations reach the group robots the directory names, beside the mail, through the one
/// notifier and outbox: each robot's allowance (20 a minute) is kept on the test's clock, what does not fit
/// waits for the next pass, and nothing goes twice.
/// </summary>
public sealed class RobotNotificationTests
{
    /// <summary>Every unit due on one day, so one reminder or escalation step reaches all 43 (co-units' earlier due day is tested on its own).</summary>
    private static readonly CyclePolicy OneDueDay = CyclePolicy.Default with { CoUnitWorkingDaysBeforeLead = 0 };

    private static readonly DateTimeOffset ReminderAt = new(2020, 10, 13, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly CycleTick Reminder = new(ReminderAt, StepKind.Reminder, null, new DateOnly(2020, 10, 14), ReminderAt);

    private static readonly DateTimeOffset EscalationAt = new(2020, 10, 15, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly CycleTick Escalation1 = new(EscalationAt, StepKind.Escalation, 1, new DateOnly(2020, 10, 14), EscalationAt);

    /// <summary>Every unit on the city's WeCom and DingTalk groups; 市人社局 on its own group as well, its clerk @'d.</summary>
    private static UnitDirectory EveryUnitOnTwoCityRobots(UnitDirectory d) => d with
    {
        Units = [.. d.Units.Select(u => u with
        {
            Channels = [
                new ChannelAddress(ChannelKind.WeCom, "city_wecom"),
                new ChannelAddress(ChannelKind.DingTalk, "city_ding"),
                .. u.Id == "rsj" ? [new ChannelAddress(ChannelKind.WeCom, "rsj_group", ["13800000001"])] : Array.Empty<ChannelAddress>(),
            ],
        })],
        Coordinator = d.Coordinator with { Channels = [new ChannelAddress(ChannelKind.DingTalk, "fgw_office")] },
    };

    [Fact]
    public async Task A_reminder_to_43_units_sends_one_message_per_robot_per_unit_never_more_than_20_a_minute_per_robot()
    {
        await using Workbench bench = await Workbench.CreateAsync(policy: OneDueDay, directory: EveryUnitOnTwoCityRobots);
        await bench.OpenCycleAsync();
        bench.Clock.SetUtcNow(ReminderAt);

        await RunStepAsync(bench, Reminder);
        RobotBacklog afterStep = await DeliverQueuedAsync(bench);
        int sentInStep = bench.Robots.Sent.Count;
        bench.Clock.Advance(TimeSpan.FromMinutes(1));
        RobotBacklog second = await DeliverQueuedAsync(bench);
        bench.Clock.Advance(TimeSpan.FromMinutes(1));
        RobotBacklog third = await DeliverQueuedAsync(bench);

        sentInStep.Should().Be(20 + 20 + 1, "each city robot's first 20, and 市人社局's own group");
        afterStep.Should().Be(new RobotBacklog(0, 46, ReminderAt.AddMinutes(1)), "the rest waits a minute, nothing is due yet");
        second.Should().Be(new RobotBacklog(40, 6, ReminderAt.AddMinutes(2)));
        third.Should().Be(new RobotBacklog(6, 0, null));
        foreach (string robot in new[] { "wecom:city_wecom", "dingtalk:city_ding" })
        {
            bench.Robots.Sent.Where(s => s.Robot == robot).Select(s => s.Message.Title).Should().HaveCount(43).And.OnlyHaveUniqueItems();
            RobotPace.Respects(bench.Robots.TimesOf(robot), PacePolicy.Robots).Should().BeTrue($"{robot} never takes more than 20 in a minute");
        }

        bench.Mailer.Sent.Should().HaveCount(43, "the mail went out at once, one per unit");
    }

    [Fact]
    public async Task A_reminder_carries_what_is_owed_the_due_day_the_working_days_left_and_the_units_own_link()
    {
        await using Workbench bench = await Workbench.CreateAsync(policy: OneDueDay, directory: EveryUnitOnTwoCityRobots);
        await bench.OpenCycleAsync();
        bench.Clock.SetUtcNow(ReminderAt);

        await RunStepAsync(bench, Reminder);

        RobotMessage own = bench.Robots.Sent.Single(s => s.Robot == "wecom:rsj_group").Message;
        own.Title.Should().StartWith("【催报】市人社局还差").And.EndWith("10月14日截止");
        own.Markdown.Should().StartWith("### 【催报】2020年第三季度“六稳六保”落实情况")
            .And.Contain("**市人社局**：还有**").And.Contain("**2020年10月14日（星期三）18:00**").And.Contain("**还剩1个工作日**")
            .And.Contain("- （一）稳定就业岗位")
            .And.Contain("[打开填报页面](https://lwlb.example.gov.cn/u?t=rsj%7Cjingdezhen-2020Q3)");
        own.Mobiles.Should().Equal("13800000001");
        own.Text.Should().Contain("打开填报页面：https://lwlb.example.gov.cn/u?t=rsj%7Cjingdezhen-2020Q3").And.NotContain("**");
        bench.Robots.Sent.Where(s => s.Robot != "wecom:rsj_group").Should().NotBeEmpty()
            .And.OnlyContain(s => s.Message.Mobiles.Count == 0, "a mobile is @'d only in the group it was given for");
    }

    [Fact]
    public async Task A_repeated_step_sends_nothing_on_any_channel_not_even_what_still_waits()
    {
        await using Workbench bench = await Workbench.CreateAsync(policy: OneDueDay, directory: EveryUnitOnTwoCityRobots);
        await bench.OpenCycleAsync();
        bench.Clock.SetUtcNow(ReminderAt);
        await RunStepAsync(bench, Reminder);
        int mails = bench.Mailer.Sent.Count;
        int robotRequests = bench.Robots.Requests.Count;

        await RunStepAsync(bench, Reminder);
        bench.Clock.Advance(TimeSpan.FromMinutes(5));
        await DeliverQueuedAsync(bench);
        await RunStepAsync(bench, Reminder);
        await DeliverQueuedAsync(bench);
        bench.Clock.Advance(TimeSpan.FromMinutes(1));
        await DeliverQueuedAsync(bench);
        await RunStepAsync(bench, Reminder);

        bench.Mailer.Sent.Should().HaveCount(mails);
        bench.Robots.Requests.Count.Should().Be(robotRequests + 46, "only the waiting messages went, once each");
        bench.Robots.Sent.GroupBy(s => (s.Robot, s.Message.Title)).Should().OnlyContain(g => g.Count() == 1);
    }

    [Fact]
    public async Task A_robot_answering_too_fast_is_held_for_its_cooldown_while_the_other_robots_go_on()
    {
        await using Workbench bench = await Workbench.CreateAsync(policy: OneDueDay, directory: EveryUnitOnTwoCityRobots);
        await bench.OpenCycleAsync();
        bench.Clock.SetUtcNow(ReminderAt);
        bench.Robots.Answer = (robot, n) => robot == "dingtalk:city_ding" && n == 3
            ? new RobotAnswer(RobotOutcome.RateLimited, "钉钉机器人“city_ding”：errcode 130101 send too fast", TimeSpan.FromMinutes(10))
            : RobotAnswer.Sent;

        await RunStepAsync(bench, Reminder);
        bench.Clock.Advance(TimeSpan.FromMinutes(1));
        await DeliverQueuedAsync(bench);
        int dingBeforeCooldown = bench.Robots.Sent.Count(s => s.Robot == "dingtalk:city_ding");
        bench.Clock.Advance(TimeSpan.FromMinutes(10));
        for (int pass = 0; pass < 3; pass++)
        {
            await DeliverQueuedAsync(bench);
            bench.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        dingBeforeCooldown.Should().Be(3, "nothing more to a robot that said too fast, until its 10 minutes are over");
        bench.Robots.Sent.Count(s => s.Robot == "wecom:city_wecom").Should().Be(43);
        bench.Robots.Sent.Where(s => s.Robot == "dingtalk:city_ding").Should().HaveCount(43, "the refused message and the rest went after the cooldown");
        bench.Outbox.All(Workbench.CycleId).Where(e => e.Robot == "city_ding").Should().OnlyContain(e => e.Status == OutboxStatus.Sent);
        bench.Outbox.All(Workbench.CycleId).Where(e => e.Robot == "city_ding").Sum(e => e.Attempts).Should().Be(44, "one message was tried twice");
    }

    [Fact]
    public async Task A_robot_refusing_its_key_is_recorded_for_each_of_its_messages_and_shown_beside_mail_problems_while_the_others_go()
    {
        await using Workbench bench = await Workbench.CreateAsync(policy: OneDueDay, directory: EveryUnitOnTwoCityRobots);
        await bench.OpenCycleAsync();
        bench.Clock.SetUtcNow(ReminderAt);
        bench.Robots.Answer = (robot, _) => robot == "wecom:rsj_group"
            ? new RobotAnswer(RobotOutcome.RobotRefused, "企业微信机器人“rsj_group”：errcode 93000 invalid webhook url")
            : RobotAnswer.Sent;

        await RunStepAsync(bench, Reminder);
        CycleView view = (await bench.Get<CycleProgressQuery>().RunAsync(Workbench.CycleId, bench.Engine, UnitScope.All, CancellationToken.None)).Value!;

        RobotProblemView problem = view.RobotProblems!.Where(p => p.Status == OutboxStatus.Rejected).Should().ContainSingle().Subject;
        problem.Should().BeEquivalentTo(new { RecipientKey = "rsj", Channel = ChannelKind.WeCom, Robot = "rsj_group", Attempts = 1 });
        problem.Error.Should().Contain("93000");
        view.MailProblems.Should().BeEmpty();
        bench.Mailer.Sent.Should().HaveCount(43);
        bench.Robots.Sent.Count(s => s.Robot == "wecom:city_wecom").Should().Be(20, "the city robots still went (their first 20)");
    }

    [Fact]
    public async Task An_unreachable_robot_is_tried_again_later_with_growing_waits_and_recorded_failed_after_six_tries()
    {
        await using Workbench bench = await Workbench.CreateAsync(policy: OneDueDay, directory: d => d with
        {
            Units = [.. d.Units.Select(u => u.Id == "rsj" ? u with { Channels = [new ChannelAddress(ChannelKind.WeCom, "rsj_group")] } : u)],
        });
        await bench.OpenCycleAsync();
        bench.Clock.SetUtcNow(ReminderAt);
        bench.Robots.Answer = (_, _) => new RobotAnswer(RobotOutcome.Unavailable, "企业微信机器人“rsj_group”：HTTP 503");

        await RunStepAsync(bench, Reminder);
        var waits = new List<TimeSpan>();
        for (RobotBacklog backlog = await DeliverQueuedAsync(bench); backlog.NextAt is DateTimeOffset next; backlog = await DeliverQueuedAsync(bench))
        {
            waits.Add(next - bench.Now);
            bench.Clock.SetUtcNow(next);
        }

        waits.Should().Equal(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(16));
        bench.Robots.Requests.Should().HaveCount(RobotDispatcher.MaxAttempts);
        OutboxEntry failed = (await bench.Get<IMailOutbox>().ProblemsAsync(Workbench.CycleId, CancellationToken.None)).Single();
        failed.Should().BeEquivalentTo(new { Status = OutboxStatus.Failed, Attempts = 6, Robot = "rsj_group" });
    }

    [Fact]
    public async Task An_escalation_tells_each_late_units_robot_and_gives_the_coordinators_robot_the_cycles_board()
    {
        await using Workbench bench = await Workbench.CreateAsync(policy: OneDueDay, directory: EveryUnitOnTwoCityRobots);
        await bench.OpenCycleAsync();
        bench.Clock.SetUtcNow(EscalationAt);

        await RunStepAsync(bench, Escalation1);
        await bench.Get<EscalationDigestActivity>().RunAsync(null!, new StepInput(Workbench.CycleId, Escalation1));

        RobotMessage unit = bench.Robots.Sent.Single(s => s.Robot == "wecom:rsj_group").Message;
        unit.Title.Should().StartWith("【督办·黄色】市人社局").And.EndWith("项逾期未报");
        unit.Markdown.Should().Contain("已逾期**1个工作日**（第1级督办）").And.Contain("[立即补报](https://lwlb.example.gov.cn/u?t=rsj%7Cjingdezhen-2020Q3)");
        RobotMessage office = bench.Robots.Sent.Single(s => s.Robot == "dingtalk:fgw_office").Message;
        office.Title.Should().Be("【督办·黄色】43个单位" + bench.Mailer.Sent.Single(m => m.Recipient.Key == "coordinator").Recipient.Mail.Subject.Split("43个单位")[1]);
        office.Markdown.Should().Contain("[查看督办看板](https://lwlb.example.gov.cn/coord?cycle=jingdezhen-2020Q3)").And.Contain("……另有35个单位，详见邮件");
        bench.Mailer.Sent.Single(m => m.Recipient.Key == "coordinator").Recipient.Mail.Html.Should().Contain("https://lwlb.example.gov.cn/coord?cycle=jingdezhen-2020Q3", "the mail and the robot link to the same board");
    }

    [Fact]
    public async Task Messages_still_waiting_when_the_cycle_ends_are_recorded_as_not_sent()
    {
        await using Workbench bench = await Workbench.CreateAsync(policy: OneDueDay, directory: EveryUnitOnTwoCityRobots);
        await bench.OpenCycleAsync();
        bench.Clock.SetUtcNow(ReminderAt);
        await RunStepAsync(bench, Reminder);
        await bench.Get<ICycleStore>().SetStatusAsync(Workbench.CycleId, CycleStatus.Cancelled, bench.Now, CancellationToken.None);
        int before = bench.Robots.Requests.Count;
        bench.Clock.Advance(TimeSpan.FromMinutes(1));

        RobotBacklog backlog = await DeliverQueuedAsync(bench);

        backlog.Should().Be(RobotBacklog.Empty);
        bench.Robots.Requests.Should().HaveCount(before);
        (await bench.Get<IMailOutbox>().ProblemsAsync(Workbench.CycleId, CancellationToken.None)).Should().HaveCount(46)
            .And.OnlyContain(p => p.Status == OutboxStatus.Rejected && p.Error!.Contains("周期已结束", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_directory_naming_a_robot_configuration_lacks_is_refused_naming_the_field_and_the_setting()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        string json = Samples.Read("directory.json").Replace(
            "\"email\": \"rsj@example.gov.cn\",",
            "\"email\": \"rsj@example.gov.cn\", \"channels\": [{ \"kind\": \"wecom\", \"robot\": \"rsj_group\" }, { \"kind\": \"dingtalk\", \"robot\": \"nowhere\" }],",
            StringComparison.Ordinal);

        Outcome<DirectoryStored> stored = await bench.Get<ReplaceDirectoryUseCase>().RunAsync(new ReplaceDirectoryCommand(json, null, Workbench.Coordinator), CancellationToken.None);

        stored.Kind.Should().Be(OutcomeKind.Refused);
        FieldError error = stored.Errors.Should().ContainSingle().Subject;
        error.Field.Should().Be("units[0].channels[1].robot");
        error.Message.Should().Contain("市人社局").And.Contain("钉钉机器人“nowhere”未配置").And.Contain("Channels:DingTalk:Robots:nowhere:AccessToken");
        (await bench.Get<IDirectoryStore>().GetAsync(null, CancellationToken.None))!.Value.Units[0].Channels.Should().BeNull("a refused directory changes nothing");
    }

    [Fact]
    public async Task Hostile_names_and_titles_from_the_plan_and_directory_are_data_in_every_robot_message()
    {
        await using Workbench bench = await Workbench.CreateAsync(
            p => Rendering.Hostile.Plan(p) with { Sections = [.. p.Sections.Select(s => s with { Tasks = [.. s.Tasks.Select(t => t with { Title = t.Title + "](https://evil.example) **粗** <@all>" })] })] },
            d => EveryUnitOnTwoCityRobots(Rendering.Hostile.Directory(d)),
            OneDueDay);
        await bench.OpenCycleAsync();
        bench.Clock.SetUtcNow(EscalationAt);

        await RunStepAsync(bench, Escalation1);
        await bench.Get<EscalationDigestActivity>().RunAsync(null!, new StepInput(Workbench.CycleId, Escalation1));

        bench.Robots.Sent.Should().NotBeEmpty();
        foreach ((string robot, _, RobotMessage message) in bench.Robots.Sent)
        {
            message.Markdown.Should().NotContainAny(["<img", "<@", "](https://evil", "**粗**"], $"{robot}'s message holds values as text")
                .And.Contain("{{nope}}", "braces are text: neither robot has templates");
            System.Text.RegularExpressions.Regex.Matches(message.Markdown, @"\]\(").Should().ContainSingle("the one link is the product's own");
        }
    }

    private static Task<CycleCounts> RunStepAsync(Workbench bench, CycleTick tick) =>
        bench.Get<RunStepForUnitsActivity>().RunAsync(null!, new StepUnitsInput(Workbench.CycleId, tick, 0));

    private static Task<RobotBacklog> DeliverQueuedAsync(Workbench bench) =>
        bench.Get<DeliverQueuedActivity>().RunAsync(null!, Workbench.CycleId);
}
