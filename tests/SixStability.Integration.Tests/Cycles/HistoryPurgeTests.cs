using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SixStability.Core.Notifications;
using SixStability.Core.Units;
using SixStability.Integration.Tests.Support;
using SixStability.Workflow.Access;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Ports;
using SixStability.Workflow.Reports;

namespace SixStability.Integration.Tests.Cycles;

/// <summary>
/// The daily purge on the in-process durable host, with a clock moved forward: a cycle closed long
/// enough ago loses its orchestration history (the engine no longer knows the instance), an open one
/// keeps it, and the cycle's own data in our tables is untouched.
/// </summary>
public sealed class HistoryPurgeTests
{
    [Fact]
    public async Task A_cycle_closed_more_than_90_days_ago_loses_its_history_an_open_one_keeps_it_and_our_tables_keep_everything()
    {
        await using CycleHost host = await CycleHost.StartAsync();
        (CycleInput closed, CycleInput open) = await ClosedAndOpenAsync(host);
        int obligations = (await host.Obligations.ListAllAsync(closed.CycleId, null, CancellationToken.None)).Count;
        IReadOnlyDictionary<string, OutboxEntry> summaryMail = await host.Services.GetRequiredService<IMailOutbox>().GetAsync(closed.CycleId, "summary", CancellationToken.None);

        IReadOnlyList<PurgeDecision> decisions = await PurgeAtAsync(host, DateTimeOffset.UtcNow.AddDays(91));

        decisions.Should().BeEquivalentTo([new PurgeDecision(closed.CycleId, PurgeOutcome.Purged), new PurgeDecision(open.CycleId, PurgeOutcome.Open)]);
        (await host.Client.GetInstanceAsync(closed.CycleId)).Should().BeNull("its history and instance are purged");
        (await host.Client.GetInstanceAsync(open.CycleId))!.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Running);
        (await host.Services.GetRequiredService<ICycleStore>().GetAsync(closed.CycleId, CancellationToken.None))!.Status.Should().Be(CycleStatus.Closed);
        (await host.Obligations.ListAllAsync(closed.CycleId, null, CancellationToken.None)).Should().HaveCount(obligations).And.NotBeEmpty();
        (await host.Services.GetRequiredService<SummaryReports>().IsStoredAsync(closed.CycleId, CancellationToken.None)).Should().BeTrue();
        (await host.Services.GetRequiredService<IMailOutbox>().GetAsync(closed.CycleId, "summary", CancellationToken.None)).Should().BeEquivalentTo(summaryMail).And.NotBeEmpty();
        CycleView view = (await host.Services.GetRequiredService<CycleProgressQuery>().RunAsync(closed.CycleId, host.Cycles, UnitScope.All, CancellationToken.None)).Value!;
        view.Status.Should().Be("closed");
        view.CanResume.Should().BeFalse("a closed cycle whose history is gone is finished, not stopped");

        (await PurgeAtAsync(host, DateTimeOffset.UtcNow.AddDays(92))).Should().ContainSingle(d => d.CycleId == closed.CycleId).Which.Outcome.Should().Be(PurgeOutcome.NoHistory);
    }

    [Fact]
    public async Task A_closed_cycle_keeps_its_history_until_it_is_old_enough_and_while_a_mail_is_still_pending()
    {
        await using CycleHost host = await CycleHost.StartAsync();
        (CycleInput closed, _) = await ClosedAndOpenAsync(host);

        (await PurgeAtAsync(host, DateTimeOffset.UtcNow.AddDays(89))).Should().Contain(new PurgeDecision(closed.CycleId, PurgeOutcome.Recent));

        MailBatch stuck = new(closed.CycleId, "late-notice", MailKind.Reminder, [], []);
        await host.Services.GetRequiredService<IMailOutbox>().RecordPendingAsync(stuck, [new MailRecipient("rsj", [new Contact("市人社局", "rsj@example.gov.cn")], new RenderedMail("主题", "<p>正文</p>", "正文"), "rsj", [])], CancellationToken.None);
        (await PurgeAtAsync(host, DateTimeOffset.UtcNow.AddDays(91))).Should().Contain(new PurgeDecision(closed.CycleId, PurgeOutcome.MailPending));

        (await host.Client.GetInstanceAsync(closed.CycleId))!.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Completed);
    }

    /// <summary>One demo cycle run to its close, one asleep before its first reminder (an hour a day).</summary>
    private static async Task<(CycleInput Closed, CycleInput Open)> ClosedAndOpenAsync(CycleHost host)
    {
        CycleInput closed = CycleHost.Demo("2022Q1", secondsPerDay: 0.5);
        CycleInput open = CycleHost.Demo("2022Q2", secondsPerDay: 3600);
        await host.StartAsync(closed);
        await host.StartAsync(open);
        (await host.WaitCompletedAsync(closed.CycleId)).ReadOutputAs<CycleResult>()!.Status.Should().Be("closed");
        await host.WaitWaitingAsync(open.CycleId);
        return (closed, open);
    }

    private static Task<IReadOnlyList<PurgeDecision>> PurgeAtAsync(CycleHost host, DateTimeOffset now)
    {
        CycleHistoryPurge purge = ActivatorUtilities.CreateInstance<CycleHistoryPurge>(host.Services, new FakeTimeProvider(now));
        var engine = new DurableTaskCycleClient(host.Client);
        return purge.RunAsync(engine, engine, CancellationToken.None);
    }
}
