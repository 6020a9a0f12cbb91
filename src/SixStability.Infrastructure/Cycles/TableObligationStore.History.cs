namespace SixStability.Infrastructure.Cycles;

// The obligations' history: every revision of every task, in commit order, long text in blobs.
public sealed partial class TableObligationStore
{
    public async Task<int> RemoveOrphanDetailsAsync(string cycleId, CancellationToken cancellationToken)
    {
        // The names every history row of the cycle keeps (or, for rows written before names were kept, derives).
        TableClient table = await Table().ConfigureAwait(false);
        string cycle = TableKeys.Encode(cycleId);
        string filter = TableClient.CreateQueryFilter($"PartitionKey gt {cycle + "|"} and PartitionKey lt {cycle + "}"} and RowKey gt {"h"} and RowKey lt {"i"}");
        var named = new HashSet<string>(StringComparer.Ordinal);
        await foreach (TableEntity e in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["DetailBlob", "DetailBlobName"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (e.GetBoolean("DetailBlob") == true)
            {
                named.Add(e.GetString("DetailBlobName") ?? LegacyDetailBlob(e.PartitionKey, e.RowKey));
            }
        }

        int removed = 0;
        await foreach (string name in blobs.ListAsync(HistoryContainer, Uri.EscapeDataString(cycle + "|"), cancellationToken).ConfigureAwait(false))
        {
            if (!named.Contains(name))
            {
                await blobs.DeleteAsync(HistoryContainer, name, cancellationToken).ConfigureAwait(false);
                removed++;
            }
        }

        return removed;
    }

    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string cycleId, string unitId, int task, CancellationToken cancellationToken) =>
        (await ReadHistoryAsync(cycleId, unitId, task, cancellationToken).ConfigureAwait(false)).GetValueOrDefault(task, []);

    public async Task<IReadOnlyDictionary<int, IReadOnlyList<HistoryEntry>>> UnitHistoryAsync(string cycleId, string unitId, CancellationToken cancellationToken) =>
        await ReadHistoryAsync(cycleId, unitId, null, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The history of one task (or all of a unit's), per task in commit order: the task's own rows, keyed
    /// "h{task:D2}|r{revision:D6}", and the escalation entries ("e|…") that name the task with the revision they gave it.
    /// </summary>
    private async Task<IReadOnlyDictionary<int, IReadOnlyList<HistoryEntry>>> ReadHistoryAsync(string cycleId, string unitId, int? task, CancellationToken cancellationToken)
    {
        TableClient table = await Table().ConfigureAwait(false);
        string partition = Partition(cycleId, unitId);
        string filter = task is int one
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and ((RowKey gt {EscalationRows} and RowKey lt {"e}"}) or (RowKey gt {$"h{one:D2}|"} and RowKey lt {$"h{one:D2}}}"}))")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {EscalationRows} and RowKey lt {"i"}");
        var byTask = new Dictionary<int, List<(int Revision, HistoryEntry Entry)>>();
        void Add(int number, int revision, HistoryEntry entry)
        {
            if (task is null || task == number)
            {
                if (!byTask.TryGetValue(number, out List<(int, HistoryEntry)>? list))
                {
                    byTask[number] = list = [];
                }

                list.Add((revision, entry));
            }
        }

        await foreach (TableEntity e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            string? detail = e.GetString("Detail");
            if (e.RowKey.StartsWith(EscalationRows, StringComparison.Ordinal))
            {
                var entry = new HistoryEntry(e.GetDateTimeOffset("At") ?? default, e.GetString("Who"), e.GetString("What"), detail);
                foreach (string raised in (e.GetString("Tasks") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
                {
                    string[] pair = raised.Split(':');
                    Add(int.Parse(pair[0], CultureInfo.InvariantCulture), int.Parse(pair[1], CultureInfo.InvariantCulture), entry);
                }

                continue;
            }

            if (e.GetBoolean("DetailBlob") == true && await blobs.GetAsync(HistoryContainer, e.GetString("DetailBlobName") ?? LegacyDetailBlob(e.PartitionKey, e.RowKey), cancellationToken).ConfigureAwait(false) is { } blob)
            {
                detail = System.Text.Encoding.UTF8.GetString(blob.Content.Span);
            }

            int bar = e.RowKey.IndexOf('|', StringComparison.Ordinal);
            Add(
                int.Parse(e.RowKey.AsSpan(1, bar - 1), CultureInfo.InvariantCulture),
                int.Parse(e.RowKey.AsSpan(bar + 2), CultureInfo.InvariantCulture),
                new HistoryEntry(e.GetDateTimeOffset("At") ?? default, e.GetString("Who"), e.GetString("What"), detail));
        }

        return byTask.ToDictionary(p => p.Key, p => (IReadOnlyList<HistoryEntry>)[.. p.Value.OrderBy(h => h.Revision).Select(h => h.Entry)]);
    }
}
