using SixStability.Workflow.Cycles;

namespace SixStability.DevHost.Durable;

/// <summary>
/// DevHost's counterpart of the Function app's CycleHistoryPurgeTimer: once a minute after start, then
/// daily, purges the orchestration history of cycles ended more than Durable:PurgeAfterDays ago whose
/// records are complete (<see cref="CycleHistoryPurge"/>).
/// </summary>
internal sealed partial class HistoryPurgeService(CycleHistoryPurge purge, EmbeddedDurableEngine engine, TimeProvider clock, ILogger<HistoryPurgeService> logger) : BackgroundService
{
    public static readonly TimeSpan FirstRun = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan Every = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(FirstRun, clock, stoppingToken).ConfigureAwait(false);
            using var timer = new PeriodicTimer(Every, clock);
            do
            {
                try
                {
                    IReadOnlyList<PurgeDecision> decisions = await purge.RunAsync(engine, engine, stoppingToken).ConfigureAwait(false);
                    int purged = decisions.Count(d => d.Outcome == PurgeOutcome.Purged);
                    LogRan(logger, purged, decisions.Count);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(logger, ex); // tomorrow's run tries again; the cycles are not affected
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // DevHost is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "History purge: {Purged} of {Cycles} cycles purged")]
    private static partial void LogRan(ILogger logger, int purged, int cycles);

    [LoggerMessage(Level = LogLevel.Error, Message = "History purge failed; it runs again tomorrow")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
