using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Ports;
using SixStability.Workflow.Reports;

namespace SixStability.Workflow.Tests.Cycles;

/// <summary>When the daily purge may delete a finished cycle's orchestration history, decided from our own records.</summary>
public sealed class CycleHistoryPurgeTests
{
    [Fact]
    public async Task A_closed_cycle_with_its_summary_stored_is_purged_once_PurgeAfterDays_have_passed_since_its_close()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();
        await bench.Get<CloseCycleActivity>().RunAsync(null!, Workbench.CycleId);
        var engine = new FinishedEngine("Completed");

        IReadOnlyList<PurgeDecision> early = await (await PurgeAsync(bench, days: 30, after: TimeSpan.FromDays(29))).RunAsync(engine, engine, CancellationToken.None);
        IReadOnlyList<PurgeDecision> late = await (await PurgeAsync(bench, days: 30, after: TimeSpan.FromDays(30.1))).RunAsync(engine, engine, CancellationToken.None);

        early.Should().Equal(new PurgeDecision(Workbench.CycleId, PurgeOutcome.Recent));
        late.Should().Equal(new PurgeDecision(Workbench.CycleId, PurgeOutcome.Purged));
        engine.Purged.Should().Equal(Workbench.CycleId);
    }

    [Fact]
    public async Task A_closed_cycle_whose_summary_is_not_stored_keeps_its_history()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();
        await bench.Get<ICycleStore>().SetStatusAsync(Workbench.CycleId, CycleStatus.Closed, bench.Now, CancellationToken.None);
        var engine = new FinishedEngine("Completed");

        IReadOnlyList<PurgeDecision> decisions = await (await PurgeAsync(bench, days: 90, after: TimeSpan.FromDays(100))).RunAsync(engine, engine, CancellationToken.None);

        decisions.Should().Equal(new PurgeDecision(Workbench.CycleId, PurgeOutcome.SummaryMissing));
        engine.Purged.Should().BeEmpty();
    }

    [Fact]
    public async Task A_cancelled_cycle_needs_no_summary_but_an_orchestration_still_running_is_never_purged()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();
        await bench.Get<CancelCycleActivity>().RunAsync(null!, Workbench.CycleId);
        var running = new FinishedEngine("Running");
        var finished = new FinishedEngine("Terminated");

        (await (await PurgeAsync(bench, days: 90, after: TimeSpan.FromDays(91))).RunAsync(running, running, CancellationToken.None)).Should().Equal(new PurgeDecision(Workbench.CycleId, PurgeOutcome.Running));
        (await (await PurgeAsync(bench, days: 90, after: TimeSpan.FromDays(91))).RunAsync(finished, finished, CancellationToken.None)).Should().Equal(new PurgeDecision(Workbench.CycleId, PurgeOutcome.Purged));

        running.Purged.Should().BeEmpty();
        (await bench.Get<ICycleStore>().GetAsync(Workbench.CycleId, CancellationToken.None))!.Status.Should().Be(CycleStatus.Cancelled, "our record is never purged");
    }

    /// <summary>The purge as it runs <paramref name="after"/> the cycle ended.</summary>
    private static async Task<CycleHistoryPurge> PurgeAsync(Workbench bench, int days, TimeSpan after)
    {
        DateTimeOffset ended = (await bench.Get<ICycleStore>().GetAsync(Workbench.CycleId, CancellationToken.None))!.ClosedAt!.Value;
        bench.Clock.Advance(after - (bench.Now - ended));
        return new CycleHistoryPurge(bench.Get<ICycleStore>(), bench.Get<IMailOutbox>(), bench.Get<SummaryReports>(), Options.Create(new HistoryPurgeOptions { PurgeAfterDays = days }), bench.Clock, NullLogger<CycleHistoryPurge>.Instance);
    }

    /// <summary>An engine that knows the cycle's orchestration in one state and records what it is asked to purge.</summary>
    private sealed class FinishedEngine(string status) : ICycleClient, IOrchestrationHistory
    {
        public List<string> Purged { get; } = [];

        public Task<bool> TryScheduleAsync(CycleInput input, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<CycleInstance?> GetAsync(string cycleId, CancellationToken cancellationToken) =>
            Task.FromResult<CycleInstance?>(Purged.Contains(cycleId) ? null : new CycleInstance(status, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));

        public Task RaiseAsync(string cycleId, CycleCommand command, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<int> PurgeAsync(string cycleId, CancellationToken cancellationToken)
        {
            Purged.Add(cycleId);
            return Task.FromResult(1);
        }
    }
}
