using SixStability.Core.Notifications;
using SixStability.Integration.Tests.Support;
using SixStability.Workflow.Cycles;

namespace SixStability.Integration.Tests.Cycles;

/// <summary>
/// The product's default timeline: co-units (配合单位) are due a working day before the lead unit, so the lead
/// can consolidate; each due day gets its own reminders and escalation in the same orchestration.
/// </summary>
public sealed class CoUnitDueTests
{
    [Fact]
    public async Task Co_units_are_reminded_and_escalated_on_their_own_due_day_a_working_day_before_the_lead()
    {
        await using CycleHost host = await CycleHost.StartAsync(new Dictionary<string, string?> { ["Cycle:CoUnitWorkingDaysBeforeLead"] = "1" });
        CycleInput input = CycleHost.Demo("2021Q1", secondsPerDay: 1.5);

        await host.StartAsync(input);
        await host.WaitCompletedAsync(input.CycleId);

        // Leads due 2021-04-05 (市人社局 task 1, 市财政局 task 2); co-units due 04-04 (市财政局 task 1, the counties task 2).
        IReadOnlyList<SentMail> mail = host.Mailer.For(input.CycleId);
        mail.Where(m => m.Kind == MailKind.Escalation && m.RecipientKey == "rsj").Select(m => m.Step).Should().Equal("escalation1-20210405", "escalation2-20210405", "escalation3-20210405");
        mail.Where(m => m.Kind == MailKind.Escalation && m.RecipientKey == "lps").Select(m => m.Step).Should().Equal("escalation1-20210404", "escalation2-20210404", "escalation3-20210404");
        mail.Where(m => m.Kind == MailKind.Escalation && m.RecipientKey == "czj").Select(m => m.Step).Should().BeEquivalentTo(
            ["escalation1-20210404", "escalation2-20210404", "escalation3-20210404", "escalation1-20210405", "escalation2-20210405", "escalation3-20210405"],
            "市财政局 is a co-unit of task 1 and the lead of task 2: each due day is escalated on its own");
        mail.Single(m => m.Kind == MailKind.Escalation && m.RecipientKey == "czj" && m.Step == "escalation1-20210404").Mail.Text.Should().Contain("（一）稳定就业岗位").And.NotContain("（二）扩大就业");
        mail.Where(m => m.Kind == MailKind.Reminder && m.RecipientKey == "lps").Should().OnlyContain(m => m.Step.Contains("-20210404-", StringComparison.Ordinal));
        mail.Should().ContainSingle(m => m.Kind == MailKind.Summary && m.RecipientKey == "summary-0");
    }
}
