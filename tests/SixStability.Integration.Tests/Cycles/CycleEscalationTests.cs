using Microsoft.DurableTask.Client;
using SixStability.Core.Cycles;
using SixStability.Core.Notifications;
using SixStability.Integration.Tests.Support;
using SixStability.Workflow.Cycles;

namespace SixStability.Integration.Tests.Cycles;

public sealed class CycleEscalationTests
{
    [Fact]
    public async Task One_unit_never_submits_and_each_level_reaches_exactly_its_recipients()
    {
        await using CycleHost host = await CycleHost.StartAsync();
        CycleInput input = CycleHost.Demo("2020Q3", secondsPerDay: 1.5);

        await host.StartAsync(input);
        await host.WaitWaitingAsync(input.CycleId);
        foreach ((string unit, int task) in new[] { ("rsj", 1), ("czj", 1), ("czj", 2), ("lps", 2) })
        {
            await host.SubmitAsync(input.CycleId, unit, task);
        }

        OrchestrationMetadata done = await host.WaitCompletedAsync(input.CycleId);

        done.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Completed);
        IReadOnlyList<SentMail> mail = host.Mailer.For(input.CycleId);
        mail.Where(m => m.Kind == MailKind.Open).Select(m => m.RecipientKey).Should().BeEquivalentTo("rsj", "czj", "lps", "flx");
        // The first reminder may race the test's submissions; by the due day's reminder only flx still owes.
        mail.Where(m => m.Kind == MailKind.Reminder && m.Step.EndsWith("-202010050900", StringComparison.Ordinal)).Select(m => m.RecipientKey).Should().Equal("flx");
        string[] Level(int level) => mail.Where(m => m.Kind == MailKind.Escalation && m.Step.StartsWith($"escalation{level}-", StringComparison.Ordinal)).SelectMany(m => m.To).Order(StringComparer.Ordinal).ToArray();
        Level(1).Should().Equal("fgw@example.gov.cn", "flx@example.gov.cn");
        Level(2).Should().Equal("fgw@example.gov.cn", "flx@example.gov.cn", "mayor@example.gov.cn");
        Level(3).Should().Equal("dcs@example.gov.cn", "fgw@example.gov.cn", "flx@example.gov.cn", "mayor@example.gov.cn");
        SentMail red = mail.Single(m => m.Step.StartsWith("escalation3-", StringComparison.Ordinal) && m.RecipientKey == "supervision");
        red.Mail.Subject.Should().Be("【督办·红色】2020年第三季度“六稳六保”落实情况 — 1个单位1项逾期未报");
        red.Mail.Text.Should().Contain("浮梁县政府　（二）扩大就业　5");
        (await host.Obligations.ListUnitAsync(input.CycleId, "flx", CancellationToken.None)).Single().EscalationLevel.Should().Be(3);
        mail.Where(m => m.Kind == MailKind.Summary).SelectMany(m => m.To).Should().BeEquivalentTo("szfb@example.gov.cn", "fgw@example.gov.cn");
        RenderedMail summary = mail.Single(m => m.Kind == MailKind.Summary && m.RecipientKey == "summary-0").Mail;
        summary.Text.Should().Contain("拟问责").And.Contain("浮梁县政府").And.Contain("三级（红色）督办（−3）");
        summary.Html.Should().Contain("1项未报送，共逾期7个工作日（−3.5）；三级（红色）督办（−3）");
        mail.GroupBy(m => (m.Step, m.RecipientKey)).Should().OnlyContain(g => g.Count() == 1, "no one gets the same step's mail twice");
    }

    [Fact]
    public async Task When_every_unit_submits_in_time_nobody_is_reminded_or_escalated()
    {
        await using CycleHost host = await CycleHost.StartAsync();
        CycleInput input = CycleHost.Demo("2020Q4", secondsPerDay: 3);

        await host.StartAsync(input);
        await host.WaitWaitingAsync(input.CycleId);
        foreach ((string unit, int task) in new[] { ("rsj", 1), ("czj", 1), ("czj", 2), ("lps", 2), ("flx", 2) })
        {
            await host.SubmitAsync(input.CycleId, unit, task);
        }

        OrchestrationMetadata done = await host.WaitCompletedAsync(input.CycleId);

        done.ReadOutputAs<CycleResult>()!.Counts.Should().Be(new CycleCounts(5, 0, 5, 0, 0, 0, 0));
        IReadOnlyList<SentMail> mail = host.Mailer.For(input.CycleId);
        mail.Select(m => m.Kind).Distinct().Should().BeEquivalentTo([MailKind.Open, MailKind.Summary]);
    }
}
