using System.Runtime.CompilerServices;
using SixStability.Core.Cycles;
using SixStability.Core.Cycles.Tallies;
using SixStability.Core.Rules;
using SixStability.Core.Submissions;
using SixStability.Workflow.Ports;

namespace SixStability.Workflow.Tests.Fakes;

/// <summary>
/// The obligation store's contract in memory: revisions, history, idempotency keys, the close's seal, the batched
/// escalation write; its tallies are counted from the rows at each read, so they are always exact.
/// </summary>
internal sealed class InMemoryObligationStore : IObligationStore, ICycleTallies
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Cycle, string Unit, int Task), Obligation> rows = [];
    private readonly Dictionary<(string Cycle, string Unit, int Task), List<HistoryEntry>> history = [];
    private readonly Dictionary<(string Cycle, string Unit, int Task), ReportText> texts = [];
    private readonly Dictionary<(string Cycle, string Unit, int Task, string Key), string> keys = [];
    private readonly HashSet<string> sealedCycles = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Cycle, string Unit), ExtensionRequest> requests = [];

    public Task AddMissingAsync(IReadOnlyList<Obligation> obligations, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            foreach (Obligation o in obligations)
            {
                rows.TryAdd((o.CycleId, o.UnitId, o.TaskNumber), o);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Obligation>> ListUnitAsync(string cycleId, string unitId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<Obligation>>([.. rows.Values.Where(o => o.CycleId == cycleId && o.UnitId == unitId).OrderBy(o => o.TaskNumber)]);
        }
    }

    public Task<Obligation?> GetAsync(string cycleId, string unitId, int task, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(rows.GetValueOrDefault((cycleId, unitId, task)));
        }
    }

    public Task<IReadOnlyList<Obligation>> EscalateAsync(string cycleId, UnitRange range, Func<Obligation, bool> late, int level, HistoryEntry entry, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            List<Obligation> inRange = [.. rows.Values
                .Where(o => o.CycleId == cycleId && string.CompareOrdinal(o.UnitId, range.FirstUnit) >= 0 && string.CompareOrdinal(o.UnitId, range.LastUnit) <= 0)
                .OrderBy(o => o.UnitId, StringComparer.Ordinal).ThenBy(o => o.TaskNumber)];
            if (sealedCycles.Contains(cycleId))
            {
                return Task.FromResult<IReadOnlyList<Obligation>>(inRange);
            }

            var after = new List<Obligation>(inRange.Count);
            foreach (Obligation o in inRange)
            {
                if (late(o) && o.EscalationLevel < level)
                {
                    Obligation raised = o.Escalate(level) with { Revision = o.Revision + 1 };
                    rows[(o.CycleId, o.UnitId, o.TaskNumber)] = raised;
                    if (!history.TryGetValue((o.CycleId, o.UnitId, o.TaskNumber), out List<HistoryEntry>? entries))
                    {
                        history[(o.CycleId, o.UnitId, o.TaskNumber)] = entries = [];
                    }

                    entries.Add(entry);
                    after.Add(raised);
                }
                else
                {
                    after.Add(o);
                }
            }

            return Task.FromResult<IReadOnlyList<Obligation>>(after);
        }
    }

    public Task<IReadOnlyDictionary<string, UnitTally>?> UnitsAsync(string cycleId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyDictionary<string, UnitTally>?>(rows.Values
                .Where(o => o.CycleId == cycleId)
                .GroupBy(o => o.UnitId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => UnitTally.Of([.. g.Select(ObligationMark.Of)]), StringComparer.Ordinal));
        }
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<ObligationMark>>> MarksAsync(string cycleId, IReadOnlyCollection<string> unitIds, CancellationToken cancellationToken)
    {
        var wanted = unitIds.ToHashSet(StringComparer.Ordinal);
        lock (gate)
        {
            return Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<ObligationMark>>>(rows.Values
                .Where(o => o.CycleId == cycleId && wanted.Contains(o.UnitId))
                .GroupBy(o => o.UnitId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<ObligationMark>)[.. g.OrderBy(o => o.TaskNumber).Select(ObligationMark.Of)], StringComparer.Ordinal));
        }
    }

    /// <summary>Nothing to mend: tallies are counted from the rows at each read.</summary>
    public Task MendAsync(string cycleId, IReadOnlyList<Obligation> observed, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Nothing to count ahead: tallies are counted from the rows at each read.</summary>
    public Task RecountAsync(string cycleId, CancellationToken cancellationToken) => Task.CompletedTask;

    public async IAsyncEnumerable<Obligation> ListAsync(string cycleId, UnitRange? range, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<Obligation> list;
        lock (gate)
        {
            list = [.. rows.Values
                .Where(o => o.CycleId == cycleId && (range is null || (string.CompareOrdinal(o.UnitId, range.FirstUnit) >= 0 && string.CompareOrdinal(o.UnitId, range.LastUnit) <= 0)))
                .OrderBy(o => o.UnitId, StringComparer.Ordinal).ThenBy(o => o.TaskNumber)];
        }

        foreach (Obligation o in list)
        {
            await Task.Yield();
            yield return o;
        }
    }

    public async IAsyncEnumerable<ObligationReport> ListReportsAsync(string cycleId, UnitRange? range, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (Obligation o in ListAsync(cycleId, range, cancellationToken))
        {
            ReportText? text;
            lock (gate)
            {
                text = texts.GetValueOrDefault((o.CycleId, o.UnitId, o.TaskNumber));
            }

            yield return new ObligationReport(o, text);
        }
    }

    /// <summary>Runs once, after the next change has been asked for and before it reads: another change that lands in between.</summary>
    public Func<Task>? BeforeNextChange { get; set; }

    public async Task<Outcome<ChangeResult>> ChangeAsync(string cycleId, string unitId, int task, Func<Obligation, Outcome<Obligation>> change, HistoryEntry entry, Idempotency? idempotency, CancellationToken cancellationToken)
    {
        if (BeforeNextChange is { } between)
        {
            BeforeNextChange = null;
            await between();
        }

        return Change(cycleId, unitId, task, change, entry, idempotency);
    }

    private Outcome<ChangeResult> Change(string cycleId, string unitId, int task, Func<Obligation, Outcome<Obligation>> change, HistoryEntry entry, Idempotency? idempotency)
    {
        lock (gate)
        {
            if (!rows.TryGetValue((cycleId, unitId, task), out Obligation? before))
            {
                return Outcome.NotFound<ChangeResult>("no such obligation");
            }

            if (idempotency is not null && keys.TryGetValue((cycleId, unitId, task, idempotency.Key), out string? fingerprint))
            {
                return fingerprint == idempotency.Fingerprint
                    ? Outcome.Ok(new ChangeResult(before, Replayed: true))
                    : Outcome.Unprocessable<ChangeResult>("key reused");
            }

            if (sealedCycles.Contains(cycleId))
            {
                return Outcome.Closed<ChangeResult>(CycleMessages.Closed);
            }

            Outcome<Obligation> decided = change(before);
            if (!decided.IsOk)
            {
                return decided.As<ChangeResult>();
            }

            Obligation changed = decided.Value! with { Revision = before.Revision + 1 };
            rows[(cycleId, unitId, task)] = changed;
            if (!history.TryGetValue((cycleId, unitId, task), out List<HistoryEntry>? entries))
            {
                history[(cycleId, unitId, task)] = entries = [];
            }

            entries.Add(entry);
            if (entry.Report is { } report)
            {
                texts[(cycleId, unitId, task)] = report;
            }

            if (idempotency is not null)
            {
                keys[(cycleId, unitId, task, idempotency.Key)] = idempotency.Fingerprint;
            }

            return Outcome.Ok(new ChangeResult(changed, Replayed: false));
        }
    }

    public Task SealAsync(string cycleId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            sealedCycles.Add(cycleId);
        }

        return Task.CompletedTask;
    }

    /// <summary>Nothing to sweep: this store keeps long texts in memory with their rows, never in blobs.</summary>
    public Task<int> RemoveOrphanDetailsAsync(string cycleId, CancellationToken cancellationToken) => Task.FromResult(0);

    public Task SaveExtensionRequestAsync(ExtensionRequest request, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            requests[(request.CycleId, request.UnitId)] = request;
        }

        return Task.CompletedTask;
    }

    public Task<ExtensionRequest?> GetExtensionRequestAsync(string cycleId, string unitId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(requests.GetValueOrDefault((cycleId, unitId)));
        }
    }

    public Task<IReadOnlyList<ExtensionRequest>> ListExtensionRequestsAsync(string cycleId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<ExtensionRequest>>([.. requests.Values.Where(r => r.CycleId == cycleId)]);
        }
    }

    public Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string cycleId, string unitId, int task, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<HistoryEntry>>([.. history.GetValueOrDefault((cycleId, unitId, task), [])]);
        }
    }

    public Task<IReadOnlyDictionary<int, IReadOnlyList<HistoryEntry>>> UnitHistoryAsync(string cycleId, string unitId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyDictionary<int, IReadOnlyList<HistoryEntry>>>(history
                .Where(h => h.Key.Cycle == cycleId && h.Key.Unit == unitId)
                .ToDictionary(h => h.Key.Task, h => (IReadOnlyList<HistoryEntry>)[.. h.Value]));
        }
    }
}
