using Microsoft.Extensions.Options;

namespace SixStability.Workflow.Cycles;

/// <summary>
/// What the daily purge does (Functions' timer, DevHost's hosted service): the durable engine keeps every
/// orchestration's history forever, so the history of a cycle that ended more than
/// <see cref="HistoryPurgeOptions.PurgeAfterDays"/> ago is deleted — only once the cycle's own records
/// are complete: closed (or cancelled) on its record, its summary stored in all three forms (a closed
/// one), no mail still pending in the outbox, and its orchestration no longer running. Only the engine's
/// history and instance rows go; the cycle's record, obligations, outbox, problems and blobs in our
/// tables stay (the board and the summary read those, never the history).
/// </summary>
public sealed partial class CycleHistoryPurge(ICycleStore cycles, IMailOutbox outbox, SummaryReports summaries, IOptions<HistoryPurgeOptions> options, TimeProvider clock, ILogger<CycleHistoryPurge> logger)
{
    public async Task<IReadOnlyList<PurgeDecision>> RunAsync(ICycleClient engine, IOrchestrationHistory history, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(history);
        DateTimeOffset cutoff = clock.GetUtcNow().AddDays(-options.Value.PurgeAfterDays);
        var decisions = new List<PurgeDecision>();
        foreach (CycleRecord record in await cycles.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            PurgeOutcome outcome = await DecideAsync(record, cutoff, engine, cancellationToken).ConfigureAwait(false);
            if (outcome == PurgeOutcome.Purged)
            {
                int purged = await history.PurgeAsync(record.CycleId, cancellationToken).ConfigureAwait(false);
                outcome = purged > 0 ? PurgeOutcome.Purged : PurgeOutcome.NoHistory;
                if (purged > 0)
                {
                    LogPurged(logger, record.CycleId, record.ClosedAt);
                }
            }
            else if (outcome is PurgeOutcome.SummaryMissing or PurgeOutcome.MailPending)
            {
                LogKept(logger, record.CycleId, outcome);
            }

            decisions.Add(new PurgeDecision(record.CycleId, outcome));
        }

        return decisions;
    }

    private async Task<PurgeOutcome> DecideAsync(CycleRecord record, DateTimeOffset cutoff, ICycleClient engine, CancellationToken cancellationToken)
    {
        if (record.Status == CycleStatus.Open)
        {
            return PurgeOutcome.Open;
        }

        if (record.ClosedAt is not { } ended || ended > cutoff)
        {
            return PurgeOutcome.Recent;
        }

        if (record.Status == CycleStatus.Closed && !await summaries.IsStoredAsync(record.CycleId, cancellationToken).ConfigureAwait(false))
        {
            return PurgeOutcome.SummaryMissing;
        }

        if (await outbox.PendingCountAsync(record.CycleId, cancellationToken).ConfigureAwait(false) > 0)
        {
            return PurgeOutcome.MailPending;
        }

        CycleInstance? instance = await engine.GetAsync(record.CycleId, cancellationToken).ConfigureAwait(false);
        return instance switch
        {
            null => PurgeOutcome.NoHistory,
            { RuntimeStatus: "Completed" or "Failed" or "Terminated" } => PurgeOutcome.Purged,
            _ => PurgeOutcome.Running,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged the orchestration history of cycle {CycleId} (ended {ClosedAt})")]
    private static partial void LogPurged(ILogger logger, string cycleId, DateTimeOffset? closedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kept the orchestration history of cycle {CycleId}: {Reason}")]
    private static partial void LogKept(ILogger logger, string cycleId, PurgeOutcome reason);
}

public sealed record PurgeDecision(string CycleId, PurgeOutcome Outcome);

public enum PurgeOutcome
{
    /// <summary>The history was deleted.</summary>
    Purged,

    /// <summary>The cycle is still open.</summary>
    Open,

    /// <summary>It ended less than PurgeAfterDays ago.</summary>
    Recent,

    /// <summary>Closed, but its summary is not stored in all three forms: the history may still be needed.</summary>
    SummaryMissing,

    /// <summary>A mail is still pending in its outbox.</summary>
    MailPending,

    /// <summary>Its orchestration is still running (a close being retried).</summary>
    Running,

    /// <summary>Nothing left to purge (purged before).</summary>
    NoHistory,
}
