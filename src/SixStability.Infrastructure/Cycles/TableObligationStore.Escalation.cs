using System.Collections.Concurrent;

namespace SixStability.Infrastructure.Cycles;

// An escalation step's writes, batched by unit: the range is read once, and each unit's raised levels go in one
// transaction with one history entry for all of them — instead of a read and a write per obligation.
public sealed partial class TableObligationStore
{
    // Per transaction: the raised obligations and the unit's history entry (a transaction holds 100 actions).
    private const int RaisedPerTransaction = 99;

    private const string EscalationRows = "e|";

    public async Task<IReadOnlyList<Obligation>> EscalateAsync(string cycleId, UnitRange range, Func<Obligation, bool> late, int level, HistoryEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(range);
        ArgumentNullException.ThrowIfNull(late);
        ArgumentNullException.ThrowIfNull(entry);
        TableClient table = await Table().ConfigureAwait(false);
        string filter = TableClient.CreateQueryFilter($"PartitionKey ge {Partition(cycleId, range.FirstUnit)} and PartitionKey le {Partition(cycleId, range.LastUnit)} and RowKey ge {"t"} and RowKey lt {"u"}");
        Dictionary<string, List<TableEntity>> partitions = await ByPartitionAsync(table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken)).ConfigureAwait(false);

        var after = new ConcurrentDictionary<string, IReadOnlyList<Obligation>>(StringComparer.Ordinal);
        var raised = new ConcurrentDictionary<string, IReadOnlyList<ObligationMark>>(StringComparer.Ordinal);
        await EachPartitionAsync(
            partitions,
            async (partition, ct) =>
            {
                List<TableEntity> rows = partition.Value;
                for (int attempt = 1; ; attempt++)
                {
                    List<Obligation> current = [.. rows.Select(ToObligation)];
                    var picked = rows.Zip(current).Where(p => late(p.Second) && p.Second.EscalationLevel < level).ToList();
                    if (picked.Count == 0 || rows.Any(r => r.GetBoolean(SealedProperty) == true))
                    {
                        // Nothing (more) to raise, or the close has begun sealing this unit: leave it as it stands.
                        after[partition.Key] = current;
                        return;
                    }

                    try
                    {
                        foreach (var chunk in picked.Chunk(RaisedPerTransaction))
                        {
                            var actions = chunk
                                .Select(p => new TableTransactionAction(
                                    TableTransactionActionType.UpdateMerge,
                                    new TableEntity(p.First.PartitionKey, p.First.RowKey) { ["Level"] = level, ["Rev"] = p.Second.Revision + 1 },
                                    p.First.ETag))
                                .ToList();
                            actions.Add(new(TableTransactionActionType.Add, EscalationEntry(partition.Key, chunk[0].Second.UnitId, [.. chunk.Select(p => p.Second)], entry)));
                            await table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
                        }

                        var up = picked.Select(p => p.Second).ToDictionary(o => o.TaskNumber, o => o.Escalate(level) with { Revision = o.Revision + 1 });
                        List<Obligation> now = [.. current.Select(o => up.GetValueOrDefault(o.TaskNumber, o))];
                        after[partition.Key] = now;
                        raised[now[0].UnitId] = [.. now.Select(ObligationMark.Of)];
                        return;
                    }
                    catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxAttempts)
                    {
                        // A save or the seal changed a row since the read (a chunk may have committed before): read the unit again.
                        rows = await ReadPartitionAsync(table, partition.Key, null, ct).ConfigureAwait(false);
                    }
                }
            },
            cancellationToken).ConfigureAwait(false);

        await LayAsync(cycleId, raised, createMissing: false, cancellationToken).ConfigureAwait(false);
        return [.. after.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value.OrderBy(o => o.TaskNumber))];
    }

    /// <summary>
    /// One history entry for every task one transaction raised: keyed by the first task and the revision it takes
    /// (never reused in the unit), and by the unit, which keeps its key unique in the table.
    /// </summary>
    private static TableEntity EscalationEntry(string partition, string unitId, IReadOnlyList<Obligation> raised, HistoryEntry entry) =>
        new(partition, string.Create(CultureInfo.InvariantCulture, $"{EscalationRows}{raised[0].TaskNumber:D4}|r{raised[0].Revision + 1:D6}|{TableKeys.Encode(unitId)}"))
        {
            ["At"] = entry.At,
            ["Who"] = entry.Who,
            ["What"] = entry.What,
            ["Detail"] = entry.Detail,
            ["Tasks"] = string.Join(';', raised.Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.TaskNumber}:{o.Revision + 1}"))),
        };
}
