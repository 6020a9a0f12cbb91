using System.Collections.Concurrent;

namespace SixStability.Infrastructure.Cycles;

// The close's fence: every obligation row sealed under its ETag, and the tallies counted from what was sealed.
public sealed partial class TableObligationStore
{
    // Set on every obligation row when the cycle closes (SealAsync); a change reads it with the row it changes.
    private const string SealedProperty = "Sealed";

    /// <summary>
    /// Marks every obligation row of the cycle sealed, one transaction per unit, each row under the ETag it was read
    /// with. The write changes each row's ETag, so a change that read a row before the seal fails at commit, reads again
    /// and is refused as closed: the fence sits on the rows a change writes anyway, so a unit's tasks never wait for one
    /// another. A change that committed between the seal's read and its write makes the unit's seal fail and read again,
    /// so what the seal read is what it sealed: the cycle's tallies are counted from it, exactly. Rows sealed before (a
    /// retried close) are not written again.
    /// </summary>
    public async Task SealAsync(string cycleId, CancellationToken cancellationToken)
    {
        TableClient table = await Table().ConfigureAwait(false);
        Dictionary<string, List<TableEntity>> partitions = await ByPartitionAsync(table.QueryAsync<TableEntity>(EveryObligationOf(cycleId), maxPerPage: 1000, select: MarkColumns, cancellationToken: cancellationToken)).ConfigureAwait(false);

        var marks = new ConcurrentDictionary<string, IReadOnlyList<ObligationMark>>(StringComparer.Ordinal);
        await EachPartitionAsync(
            partitions,
            async (partition, ct) =>
            {
                List<TableEntity> rows = partition.Value;
                for (int attempt = 1; ; attempt++)
                {
                    try
                    {
                        foreach (TableEntity[] chunk in rows.Where(r => r.GetBoolean(SealedProperty) != true).Chunk(100))
                        {
                            await table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(r.PartitionKey, r.RowKey) { [SealedProperty] = true }, r.ETag)), ct).ConfigureAwait(false);
                        }

                        break;
                    }
                    catch (TableTransactionFailedException ex) when (ex.Status == 412 && attempt < MaxAttempts)
                    {
                        rows = await ReadPartitionAsync(table, partition.Key, MarkColumns, ct).ConfigureAwait(false);
                    }
                }

                marks[rows[0].GetString("UnitId")] = [.. rows.Select(MarkOf)];
            },
            cancellationToken).ConfigureAwait(false);

        await LayAsync(cycleId, marks, createMissing: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The columns a mark is read from (and the unit it belongs to, and whether it is sealed).</summary>
    private static readonly string[] MarkColumns = ["PartitionKey", "RowKey", "UnitId", "Task", "State", "Late", "Level", "Due", "Rev", SealedProperty];

    private static ObligationMark MarkOf(TableEntity e) => new(
        e.GetInt32("Task") ?? 0,
        Enum.Parse<ObligationState>(e.GetString("State")),
        e.GetBoolean("Late") ?? false,
        e.GetInt32("Level") ?? 0,
        DateOnly.ParseExact(e.GetString("Due"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        e.GetInt32("Rev") ?? 0);

    /// <summary>One unit's obligation rows, with their ETags.</summary>
    private static async Task<List<TableEntity>> ReadPartitionAsync(TableClient table, string partition, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"t"} and RowKey lt {"u"}");
        var rows = new List<TableEntity>();
        await foreach (TableEntity e in table.QueryAsync<TableEntity>(filter, select: select, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(e);
        }

        return rows;
    }

}
