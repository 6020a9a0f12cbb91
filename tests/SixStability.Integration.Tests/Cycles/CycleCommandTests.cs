using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using SixStability.Core.Cycles;
using SixStability.Core.Notifications;
using SixStability.Integration.Tests.Support;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Ports;

namespace SixStability.Integration.Tests.Cycles;

public sealed class CycleCommandTests
{
    [Fact]
    public async Task An_extension_moves_only_that_units_reminders_and_escalation()
    {
        await using CycleHost host = await CycleHost.StartAsync();
        CycleInput input = CycleHost.Demo("2021Q1", secondsPerDay: 1.5);
        await host.StartAsync(input);
        await host.WaitOpenedAsync(input.CycleId);
        foreach ((string unit, int task) in new[] { ("rsj", 1), ("czj", 1), ("czj", 2) })
        {
            await host.SubmitAsync(input.CycleId, unit, task);
        }

        // Default due is the 5th day after 2021-03-31 on the demo calendar: 2021-04-05. flx gets three more days.
        await host.Cycles.RaiseAsync(input.CycleId, new CycleCommand(CycleCommandKind.Extend, "flx", new DateOnly(2021, 4, 8), "汛期抢险"), CancellationToken.None);
        await host.WaitCompletedAsync(input.CycleId);

        IReadOnlyList<SentMail> mail = host.Mailer.For(input.CycleId);
        mail.Single(m => m.Kind == MailKind.Extension).Mail.Subject.Should().Be("【延期申请】2021年第一季度“六稳六保”落实情况 — 已同意，截止时间延至4月8日");
        mail.Where(m => m.Kind == MailKind.Escalation && m.RecipientKey == "lps").Select(m => m.Step).Should().Equal("escalation1-20210405", "escalation2-20210405", "escalation3-20210405");
        mail.Where(m => m.Kind == MailKind.Escalation && m.RecipientKey == "flx").Select(m => m.Step).Should().Equal("escalation1-20210408", "escalation2-20210408", "escalation3-20210408");
        mail.Where(m => m.Kind == MailKind.Reminder && m.RecipientKey == "flx").Should().Contain(m => m.Step.Contains("-20210408-", StringComparison.Ordinal), "its reminders follow its own date");
        (await host.Obligations.ListUnitAsync(input.CycleId, "flx", CancellationToken.None)).Single().Due.Should().Be(new DateOnly(2021, 4, 8));
        (await host.Obligations.ListUnitAsync(input.CycleId, "lps", CancellationToken.None)).Single().Due.Should().Be(new DateOnly(2021, 4, 5));
    }

    [Fact]
    public async Task Close_now_ends_the_cycle_at_once_with_its_summary()
    {
        await using CycleHost host = await CycleHost.StartAsync();
        CycleInput input = CycleHost.Demo("2021Q2", secondsPerDay: 3600);
        await host.StartAsync(input);
        await host.WaitWaitingAsync(input.CycleId);

        await host.Cycles.RaiseAsync(input.CycleId, new CycleCommand(CycleCommandKind.Close), CancellationToken.None);
        OrchestrationMetadata done = await host.WaitCompletedAsync(input.CycleId, seconds: 30);

        done.ReadOutputAs<CycleResult>()!.Status.Should().Be("closed");
        (await host.Services.GetRequiredService<ICycleStore>().GetAsync(input.CycleId, CancellationToken.None))!.Status.Should().Be(CycleStatus.Closed);
        host.Mailer.For(input.CycleId).Select(m => m.Kind).Distinct().Should().BeEquivalentTo([MailKind.Open, MailKind.Summary]);
    }

    [Fact]
    public async Task Cancel_stops_the_cycle_without_a_summary()
    {
        await using CycleHost host = await CycleHost.StartAsync();
        CycleInput input = CycleHost.Demo("2021Q3", secondsPerDay: 3600);
        await host.StartAsync(input);
        await host.WaitOpenedAsync(input.CycleId);

        await host.Cycles.RaiseAsync(input.CycleId, new CycleCommand(CycleCommandKind.Cancel), CancellationToken.None);
        OrchestrationMetadata done = await host.WaitCompletedAsync(input.CycleId, seconds: 30);

        done.ReadOutputAs<CycleResult>()!.Status.Should().Be("cancelled");
        host.Mailer.For(input.CycleId).Should().NotContain(m => m.Kind == MailKind.Summary);
    }

    [Fact]
    public async Task Starting_the_same_cycle_twice_makes_one_cycle()
    {
        await using CycleHost host = await CycleHost.StartAsync();
        CycleInput input = CycleHost.Demo("2021Q4", secondsPerDay: 3600);

        bool first = await host.StartAsync(input);
        bool second = await host.StartAsync(input with { RequestedAt = DateTimeOffset.UtcNow.AddMinutes(1) });
        await host.WaitWaitingAsync(input.CycleId); // the opening step and its mail are done

        first.Should().BeTrue();
        second.Should().BeFalse();
        host.Mailer.For(input.CycleId).Where(m => m.Kind == MailKind.Open).Should().HaveCount(4, "one opening notice per unit");
        (await host.Services.GetRequiredService<ICycleStore>().ListAsync(CancellationToken.None)).Should().ContainSingle();
        await host.Cycles.RaiseAsync(input.CycleId, new CycleCommand(CycleCommandKind.Cancel), CancellationToken.None);
    }

    [Fact]
    public async Task A_retried_step_activity_sends_no_second_mail()
    {
        await using CycleHost host = await CycleHost.StartAsync();
        CycleInput input = CycleHost.Demo("2022Q1", secondsPerDay: 3600);
        await host.StartAsync(input);
        await host.WaitOpenedAsync(input.CycleId);
        await host.Cycles.RaiseAsync(input.CycleId, new CycleCommand(CycleCommandKind.Cancel), CancellationToken.None);
        await host.WaitCompletedAsync(input.CycleId, seconds: 30);
        await host.Services.GetRequiredService<ICycleStore>().SetStatusAsync(input.CycleId, CycleStatus.Open, DateTimeOffset.UtcNow, CancellationToken.None);
        var tick = new CycleTick(DateTimeOffset.UtcNow, StepKind.Reminder, null, new DateOnly(2022, 4, 5), new DateTimeOffset(2022, 4, 4, 9, 0, 0, TimeSpan.FromHours(8)));
        RunStepForUnitsActivity activity = host.Services.GetRequiredService<RunStepForUnitsActivity>();

        await activity.RunAsync(null!, new StepUnitsInput(input.CycleId, tick, 0));
        await activity.RunAsync(null!, new StepUnitsInput(input.CycleId, tick, 0));

        host.Mailer.For(input.CycleId).Where(m => m.Kind == MailKind.Reminder).Select(m => m.RecipientKey)
            .Should().BeEquivalentTo(["rsj", "czj", "lps", "flx"], "the retry found every reminder marked sent");
    }

    [Fact]
    public async Task A_returned_submission_is_owed_again_and_reminded()
    {
        await using CycleHost host = await CycleHost.StartAsync();
        CycleInput input = CycleHost.Demo("2022Q2", secondsPerDay: 3);
        await host.StartAsync(input);
        await host.WaitOpenedAsync(input.CycleId);
        foreach ((string unit, int task) in new[] { ("rsj", 1), ("czj", 1), ("czj", 2), ("lps", 2), ("flx", 2) })
        {
            await host.SubmitAsync(input.CycleId, unit, task);
        }

        await host.Obligations.ChangeAsync(input.CycleId, "rsj", 1, o => o.Return("请补充新增就业人数"), new(DateTimeOffset.UtcNow, "coordinator", "returned", "请补充新增就业人数"), null, CancellationToken.None);
        await host.WaitCompletedAsync(input.CycleId);

        // The due day's reminder (the first may race the test's submissions).
        List<SentMail> reminders = host.Mailer.For(input.CycleId).Where(m => m.Kind == MailKind.Reminder && m.Step.EndsWith("-202207050900", StringComparison.Ordinal)).ToList();
        reminders.Select(m => m.RecipientKey).Should().Equal("rsj");
        reminders[0].Mail.Text.Should().Contain("（一）稳定就业岗位");
        (await host.Obligations.HistoryAsync(input.CycleId, "rsj", 1, CancellationToken.None)).Select(h => h.What).Should().Contain(["submitted", "returned"]);
    }
}
