using Azure;

namespace SixStability.Infrastructure.Cycles;

// A unit's 延期申请 in a cycle: one row 'x|{unit}' in the cycle's tally partition, replaced by a new request, so the
// board lists a cycle's requests by key. Cycles opened before requests moved there kept them as row 'x' in each
// unit's obligation partition: those are still read, and moved when the cycle is first counted.
public sealed partial class TableObligationStore
{
    private const string RequestRows = "x|";

    public async Task SaveExtensionRequestAsync(ExtensionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        TableClient table = await TallyTable().ConfigureAwait(false);
        await table.UpsertEntityAsync(ToEntity(request, TallyPartition(request.CycleId), RequestRow(request.UnitId)), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ExtensionRequest?> GetExtensionRequestAsync(string cycleId, string unitId, CancellationToken cancellationToken)
    {
        TableClient tallies = await TallyTable().ConfigureAwait(false);
        NullableResponse<TableEntity> e = await tallies.GetEntityIfExistsAsync<TableEntity>(TallyPartition(cycleId), RequestRow(unitId), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (e.HasValue)
        {
            return ToRequest(e.Value!);
        }

        TableClient table = await Table().ConfigureAwait(false);
        NullableResponse<TableEntity> legacy = await table.GetEntityIfExistsAsync<TableEntity>(Partition(cycleId, unitId), LegacyExtensionRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return legacy.HasValue ? ToRequest(legacy.Value!) : null;
    }

    public async Task<IReadOnlyList<ExtensionRequest>> ListExtensionRequestsAsync(string cycleId, CancellationToken cancellationToken)
    {
        TableClient tallies = await TallyTable().ConfigureAwait(false);
        string partition = TallyPartition(cycleId);
        var requests = new Dictionary<string, ExtensionRequest>(StringComparer.Ordinal);
        await foreach (TableEntity e in tallies.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {RequestRows} and RowKey lt {"x}"}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            ExtensionRequest request = ToRequest(e);
            requests[request.UnitId] = request;
        }

        if (!(await tallies.GetEntityIfExistsAsync<TableEntity>(partition, MetaRow, select: ["Shards"], cancellationToken: cancellationToken).ConfigureAwait(false)).HasValue)
        {
            // Not counted yet: its requests may still sit where they were kept before.
            foreach (ExtensionRequest legacy in await LegacyRequestsAsync(cycleId, cancellationToken).ConfigureAwait(false))
            {
                requests.TryAdd(legacy.UnitId, legacy);
            }
        }

        return [.. requests.Values.OrderBy(r => r.UnitId, StringComparer.Ordinal)];
    }

    /// <summary>Copies the requests a cycle kept in its units' partitions beside its tallies (a request made since stays).</summary>
    private async Task MoveLegacyRequestsAsync(string cycleId, CancellationToken cancellationToken)
    {
        TableClient tallies = await TallyTable().ConfigureAwait(false);
        foreach (ExtensionRequest legacy in await LegacyRequestsAsync(cycleId, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await tallies.AddEntityAsync(ToEntity(legacy, TallyPartition(cycleId), RequestRow(legacy.UnitId)), cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
            }
        }
    }

    private async Task<IReadOnlyList<ExtensionRequest>> LegacyRequestsAsync(string cycleId, CancellationToken cancellationToken)
    {
        TableClient table = await Table().ConfigureAwait(false);
        string cycle = TableKeys.Encode(cycleId);
        string filter = TableClient.CreateQueryFilter($"PartitionKey gt {cycle + "|"} and PartitionKey lt {cycle + "}"} and RowKey eq {LegacyExtensionRow}");
        var list = new List<ExtensionRequest>();
        await foreach (TableEntity e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(ToRequest(e));
        }

        return list;
    }

    private static string RequestRow(string unitId) => RequestRows + TableKeys.Encode(unitId);

    private static TableEntity ToEntity(ExtensionRequest request, string partition, string row) => new(partition, row)
    {
        ["CycleId"] = request.CycleId,
        ["UnitId"] = request.UnitId,
        ["Due"] = request.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Reason"] = request.Reason,
        ["RequestedAt"] = request.RequestedAt,
        ["State"] = request.State.ToString(),
        ["Note"] = request.Note,
    };

    private static ExtensionRequest ToRequest(TableEntity e) => new(
        e.GetString("CycleId"),
        e.GetString("UnitId"),
        DateOnly.ParseExact(e.GetString("Due"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        e.GetString("Reason"),
        e.GetDateTimeOffset("RequestedAt") ?? default,
        Enum.Parse<ExtensionRequestState>(e.GetString("State")),
        e.GetString("Note"));
}
