using System.Globalization;
using Azure.Data.Tables;
using SixStability.Infrastructure.Storage;
using SixStability.Workflow.Ports;

namespace SixStability.Infrastructure.Cycles;

/// <summary>The obligations' history: every revision of every task, in commit order, long text in blobs.</summary>
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

    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string cycleId, string unitId, int task, CancellationToken cancellationToken)
    {
        var list = new List<HistoryEntry>();
        await foreach ((int _, HistoryEntry entry) in ReadHistoryAsync(cycleId, unitId, $"h{task:D2}|", $"h{task:D2}}}", cancellationToken).ConfigureAwait(false))
        {
            list.Add(entry);
        }

        return list;
    }

    public async Task<IReadOnlyDictionary<int, IReadOnlyList<HistoryEntry>>> UnitHistoryAsync(string cycleId, string unitId, CancellationToken cancellationToken)
    {
        var byTask = new Dictionary<int, List<HistoryEntry>>();
        await foreach ((int task, HistoryEntry entry) in ReadHistoryAsync(cycleId, unitId, "h", "i", cancellationToken).ConfigureAwait(false))
        {
            if (!byTask.TryGetValue(task, out List<HistoryEntry>? list))
            {
                byTask[task] = list = [];
            }

            list.Add(entry);
        }

        return byTask.ToDictionary(p => p.Key, p => (IReadOnlyList<HistoryEntry>)p.Value);
    }

    /// <summary>History rows of one unit with RowKey in (after, before), in commit order: their keys are "h{task:D2}|r{revision:D6}".</summary>
    private async IAsyncEnumerable<(int Task, HistoryEntry Entry)> ReadHistoryAsync(string cycleId, string unitId, string after, string before, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        TableClient table = await Table().ConfigureAwait(false);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(cycleId, unitId)} and RowKey gt {after} and RowKey lt {before}");
        await foreach (TableEntity e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            string? detail = e.GetString("Detail");
            if (e.GetBoolean("DetailBlob") == true && await blobs.GetAsync(HistoryContainer, e.GetString("DetailBlobName") ?? LegacyDetailBlob(e.PartitionKey, e.RowKey), cancellationToken).ConfigureAwait(false) is { } blob)
            {
                detail = System.Text.Encoding.UTF8.GetString(blob.Content.Span);
            }

            yield return (int.Parse(e.RowKey.AsSpan(1, e.RowKey.IndexOf('|', StringComparison.Ordinal) - 1), CultureInfo.InvariantCulture), new HistoryEntry(e.GetDateTimeOffset("At") ?? default, e.GetString("Who"), e.GetString("What"), detail));
        }
    }
}
