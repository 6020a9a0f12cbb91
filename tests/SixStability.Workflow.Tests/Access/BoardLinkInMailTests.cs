using SixStability.Core.Calendar;
using SixStability.Core.Cycles;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Ports;

namespace SixStability.Workflow.Tests.Access;

public sealed class BoardLinkInMailTests
{
    [Fact]
    public async Task An_escalation_mail_to_a_leader_links_to_the_board_of_the_cycle_and_a_units_mail_does_not()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        CycleRecord record = await bench.OpenCycleAsync();
        CycleTick level2 = CycleTimeline.Build(record.Frame, record.Policy, HolidayCn.Calendar(), [record.Frame.DefaultDue]).First(t => t.Kind == StepKind.Escalation && t.Level == 2);

        await bench.Get<EscalationDigestActivity>().RunAsync(null!, new StepInput(Workbench.CycleId, level2));

        var leader = bench.Mailer.Sent.Single(s => s.Recipient.Key == "leader-vm-industry").Recipient.Mail;
        leader.Html.Should().Contain("href=\"https://lwlb.example.gov.cn/coord?cycle=jingdezhen-2020Q3\"").And.Contain("打开督办看板");
        leader.Text.Should().Contain("https://lwlb.example.gov.cn/coord?cycle=jingdezhen-2020Q3");
        bench.Mailer.Sent.Should().OnlyContain(s => s.Recipient.Unit == null, "the digest goes to leaders and offices; units get their own page of the step");
        bench.Mailer.Sent.Select(s => s.Recipient.Key).Should().Contain("coordinator");
    }
}
