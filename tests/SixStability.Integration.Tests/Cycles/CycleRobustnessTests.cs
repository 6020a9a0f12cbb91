using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using SixStability.Core.Cycles;
using SixStability.Core.Notifications;
using SixStability.Core.Rules;
using SixStability.Integration.Tests.Support;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Ports;

namespace SixStability.Integration.Tests.Cycles;

/// <summary>A cycle always reaches its end: what a step cannot do is recorded on the cycle, and a stopped cycle can be resumed.</summary>
public sealed class CycleRobustnessTests
{
    [Fact]
    public async Task A_cycle_whose_plan_is_gone_records_why_and_completes_instead_of_failing()
    {
        await using CycleHost host = await CycleHost.StartAsync();
        var input = new CycleInput("missing-2020Q3", "missing", "2020Q3", new CyclePolicyChoice(CyclePolicyChoice.Demo, SecondsPerDay: 1), DateTimeOffset.UtcNow);

        await host.Cycles.TryScheduleAsync(input, CancellationToken.None);
        OrchestrationMetadata done = await host.WaitCompletedAsync(input.CycleId, seconds: 30);

        done.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Completed);
        done.ReadOutputAs<CycleResult>()!.Status.Should().Be("openFailed");
        (await host.Services.GetRequiredService<ICycleStore>().ProblemsAsync(input.CycleId, CancellationToken.None))
            .Should().ContainSingle().Which.Message.Should().Contain("方案“missing”不存在");
    }

    [Fact]
    public async Task An_extension_past_the_horizon_raised_straight_at_the_orchestration_is_refused_on_the_cycle_and_the_cycle_still_closes()
    {
        await using CycleHost host = await CycleHost.StartAsync();
        CycleInput input = CycleHost.Demo("2023Q1", secondsPerDay: 1);
        await host.StartAsync(input);
        await host.WaitWaitingAsync(input.CycleId);

        await host.Cycles.RaiseAsync(input.CycleId, new CycleCommand(CycleCommandKind.Extend, "rsj", new DateOnly(9999, 12, 30), "攻击"), CancellationToken.None);
        OrchestrationMetadata done = await host.WaitCompletedAsync(input.CycleId);

        done.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Completed);
        done.ReadOutputAs<CycleResult>()!.Status.Should().Be("closed");
        (await host.Services.GetRequiredService<ICycleStore>().ProblemsAsync(input.CycleId, CancellationToken.None))
            .Should().ContainSingle(p => p.Step == "extension").Which.Message.Should().Contain("不能晚于");
        (await host.Obligations.ListUnitAsync(input.CycleId, "rsj", CancellationToken.None)).Should().OnlyContain(o => o.Due.Year < 9999);
    }

    [Fact]
    public async Task A_terminated_cycle_is_shown_as_such_and_resumed_to_its_close_without_mailing_anyone_twice()
    {
        await using CycleHost host = await CycleHost.StartAsync();
        CycleInput input = CycleHost.Demo("2023Q2", secondsPerDay: 1.5);
        await host.StartAsync(input);
        await host.WaitWaitingAsync(input.CycleId);
        await host.Client.TerminateInstanceAsync(input.CycleId, "operator stopped it");
        await host.WaitCompletedAsync(input.CycleId, seconds: 30);
        CycleProgressQuery progress = host.Services.GetRequiredService<CycleProgressQuery>();

        CycleView stopped = (await progress.RunAsync(input.CycleId, host.Cycles, CancellationToken.None)).Value!;
        Outcome<CycleStarted> resumed = await host.Services.GetRequiredService<ResumeCycleUseCase>().RunAsync(input.CycleId, host.Cycles, CancellationToken.None);
        await Task.Delay(500);
        OrchestrationMetadata done = await host.WaitCompletedAsync(input.CycleId);
        CycleView closed = (await progress.RunAsync(input.CycleId, host.Cycles, CancellationToken.None)).Value!;

        stopped.Runtime.Should().Be("Terminated");
        stopped.Status.Should().Be("open");
        stopped.CanResume.Should().BeTrue();
        resumed.Value!.Created.Should().BeTrue();
        done.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Completed);
        closed.Status.Should().Be("closed");
        closed.CanResume.Should().BeFalse();
        IReadOnlyList<SentMail> mail = host.Mailer.For(input.CycleId);
        mail.Where(m => m.Kind == MailKind.Open).Should().HaveCount(4, "the opening notices were not sent again");
        mail.Should().Contain(m => m.Kind == MailKind.Summary);
        mail.GroupBy(m => (m.Step, m.RecipientKey)).Should().OnlyContain(g => g.Count() == 1, "no one gets the same step's mail twice");
    }

    [Fact]
    public async Task Resuming_a_cycle_that_runs_normally_is_refused()
    {
        await using CycleHost host = await CycleHost.StartAsync();
        CycleInput input = CycleHost.Demo("2023Q3", secondsPerDay: 3600);
        await host.StartAsync(input);
        await host.WaitWaitingAsync(input.CycleId);

        Outcome<CycleStarted> resumed = await host.Services.GetRequiredService<ResumeCycleUseCase>().RunAsync(input.CycleId, host.Cycles, CancellationToken.None);

        resumed.Kind.Should().Be(OutcomeKind.Conflict);
        await host.Cycles.RaiseAsync(input.CycleId, new CycleCommand(CycleCommandKind.Cancel), CancellationToken.None);
    }

    [Fact]
    public async Task A_plan_title_of_template_syntax_and_markup_is_text_in_every_step_and_the_cycle_closes()
    {
        await using CycleHost host = await CycleHost.StartAsync();
        IPlanStore plans = host.Services.GetRequiredService<IPlanStore>();
        Versioned<Core.Plans.PlanCatalog> plan = (await plans.GetAsync("p", null, CancellationToken.None))!;
        await plans.PutAsync(plan.Value with { Title = "{{nope}}<img src=x onerror=alert(1)>" }, plan.ETag, CancellationToken.None);
        CycleInput input = CycleHost.Demo("2023Q4", secondsPerDay: 1);
        await host.StartAsync(input);

        OrchestrationMetadata done = await host.WaitCompletedAsync(input.CycleId);

        done.ReadOutputAs<CycleResult>()!.Status.Should().Be("closed", "a title used to throw KeyNotFoundException in every step");
        IReadOnlyList<SentMail> mail = host.Mailer.For(input.CycleId);
        mail.Should().Contain(m => m.Kind == MailKind.Open).And.Contain(m => m.Kind == MailKind.Escalation).And.Contain(m => m.Kind == MailKind.Summary);
        mail.Where(m => m.Kind == MailKind.Open).Should().OnlyContain(m => m.Mail.Html.Contains("{{nope}}&lt;img", StringComparison.Ordinal) && !m.Mail.Html.Contains("<img", StringComparison.Ordinal));
    }
}
