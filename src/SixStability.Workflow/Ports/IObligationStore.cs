namespace SixStability.Workflow.Ports;

/// <summary>
/// Obligations, read the two ways the product needs: everything of one unit in one cycle (its page,
/// its reminders), and everything of one cycle page by page (steps, counts, the summary).
/// </summary>
public interface IObligationStore
{
    /// <summary>Inserts the obligations that do not exist yet; existing ones keep their state (a retried opening resets nothing).</summary>
    Task AddMissingAsync(IReadOnlyList<Obligation> obligations, CancellationToken cancellationToken);

    Task<IReadOnlyList<Obligation>> ListUnitAsync(string cycleId, string unitId, CancellationToken cancellationToken);

    /// <summary>One obligation by its key (a point read), or null when the unit has no such task in the cycle.</summary>
    Task<Obligation?> GetAsync(string cycleId, string unitId, int task, CancellationToken cancellationToken);

    /// <summary>The cycle's obligations for units in [firstUnit, lastUnit] (all units when both are null).</summary>
    IAsyncEnumerable<Obligation> ListAsync(string cycleId, UnitRange? page, CancellationToken cancellationToken);

    /// <summary>
    /// The cycle's obligations for a range of units, each with the text of its last submission (the
    /// summary, the .xlsx, a lead unit's view of its co-units). The text is kept beside the obligation
    /// when a change's <see cref="HistoryEntry.Report"/> carries it, so this reads one more row per
    /// submitted report, never the history.
    /// </summary>
    IAsyncEnumerable<ObligationReport> ListReportsAsync(string cycleId, UnitRange? page, CancellationToken cancellationToken);

    /// <summary>
    /// Changes one obligation under optimistic concurrency (reading again on a concurrent edit) and keeps
    /// the change in its history: who, when, what. Every change adds one to its revision. The change
    /// may refuse (its outcome is returned and nothing is written); a sealed cycle answers
    /// <see cref="OutcomeKind.Closed"/>, a missing obligation <see cref="OutcomeKind.NotFound"/>.
    /// With an <paramref name="idempotency"/> key the change happens once: the same key with the same
    /// fingerprint changes nothing and returns the obligation as it is, marked replayed; the same key
    /// with another fingerprint (another body) is <see cref="OutcomeKind.Unprocessable"/>. History reads
    /// back in commit order.
    /// </summary>
    Task<Outcome<ChangeResult>> ChangeAsync(string cycleId, string unitId, int task, Func<Obligation, Outcome<Obligation>> change, HistoryEntry entry, Idempotency? idempotency, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="ChangeAsync(string, string, int, Func{Obligation, Outcome{Obligation}}, HistoryEntry, Idempotency?, CancellationToken)"/>,
    /// starting from <paramref name="asRead"/>, the obligation as this store returned it a moment ago: a store that knows
    /// the version it read may skip reading it again (a row changed since fails at commit and is read again, as any
    /// concurrent edit is).
    /// </summary>
    Task<Outcome<ChangeResult>> ChangeAsync(Obligation asRead, Func<Obligation, Outcome<Obligation>> change, HistoryEntry entry, Idempotency? idempotency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asRead);
        return ChangeAsync(asRead.CycleId, asRead.UnitId, asRead.TaskNumber, change, entry, idempotency, cancellationToken);
    }

    /// <summary>
    /// An escalation step's writes for one range of units: every obligation <paramref name="late"/> picks whose level is below
    /// <paramref name="level"/> is raised to it (one more revision), one transaction per unit, each row under the ETag it was
    /// read with, with one history entry per unit naming the tasks it raised. A unit the seal reached is left as it is (the
    /// cycle is closing); one a concurrent change reached is read again. Safe to retry: a raised obligation is not raised
    /// twice, so a retried step writes nothing more. Returns the range's obligations as they stand after the step.
    /// </summary>
    Task<IReadOnlyList<Obligation>> EscalateAsync(string cycleId, UnitRange range, Func<Obligation, bool> late, int level, HistoryEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Seals the cycle at its close: once this returns, every change to its obligations is refused as
    /// closed, including one that read before the seal and would commit after it, so a summary
    /// compiled after the seal holds every change that was accepted, and the cycle's tallies
    /// (<see cref="ICycleTallies"/>) are counted from the sealed rows. Idempotent.
    /// </summary>
    Task SealAsync(string cycleId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the cycle's history text blobs that no history row names: a long text is written to its blob
    /// before its row commits, so a refused, outbid or interrupted change can leave one behind. Run after
    /// the seal, when no row can commit any more. Returns how many were removed.
    /// </summary>
    Task<int> RemoveOrphanDetailsAsync(string cycleId, CancellationToken cancellationToken);

    /// <summary>Keeps a unit's extension request (one per unit and cycle; a new one replaces it).</summary>
    Task SaveExtensionRequestAsync(ExtensionRequest request, CancellationToken cancellationToken);

    Task<ExtensionRequest?> GetExtensionRequestAsync(string cycleId, string unitId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ExtensionRequest>> ListExtensionRequestsAsync(string cycleId, CancellationToken cancellationToken);

    Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string cycleId, string unitId, int task, CancellationToken cancellationToken);

    /// <summary>The history of all of one unit's tasks in one read (its page shows every task), keyed by task number.</summary>
    Task<IReadOnlyDictionary<int, IReadOnlyList<HistoryEntry>>> UnitHistoryAsync(string cycleId, string unitId, CancellationToken cancellationToken);
}

/// <summary>A client's key for one request, and a fingerprint of what it asked (so a reused key with other content is caught).</summary>
public sealed record Idempotency(string Key, string Fingerprint);

/// <param name="Replayed">True when the key was seen before and nothing changed.</param>
public sealed record ChangeResult(Obligation Obligation, bool Replayed);

/// <param name="Who">A unit id, "coordinator", or "system" for the cycle's own steps.</param>
/// <param name="Report">A submission's text: kept, in the same write, as the obligation's last submitted report (<see cref="IObligationStore.ListReportsAsync"/>).</param>
public sealed record HistoryEntry(DateTimeOffset At, string Who, string What, string? Detail = null, ReportText? Report = null);

/// <summary>An obligation with what its unit last submitted (null when it never submitted).</summary>
public sealed record ObligationReport(Obligation Obligation, ReportText? Text);
