using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SixStability.Core.Cycles;
using SixStability.Infrastructure.Storage;

namespace SixStability.Infrastructure.Cycles;

/// <summary>A unit's 延期申请 in a cycle: one row in its partition, replaced by a new request.</summary>
public sealed partial class TableObligationStore
{
    public async Task SaveExtensionRequestAsync(ExtensionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        TableClient table = await Table().ConfigureAwait(false);
        await table.UpsertEntityAsync(
            new TableEntity(Partition(request.CycleId, request.UnitId), ExtensionRow)
            {
                ["CycleId"] = request.CycleId,
                ["UnitId"] = request.UnitId,
                ["Due"] = request.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["Reason"] = request.Reason,
                ["RequestedAt"] = request.RequestedAt,
                ["State"] = request.State.ToString(),
                ["Note"] = request.Note,
            },
            TableUpdateMode.Replace,
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<ExtensionRequest?> GetExtensionRequestAsync(string cycleId, string unitId, CancellationToken cancellationToken)
    {
        TableClient table = await Table().ConfigureAwait(false);
        NullableResponse<TableEntity> e = await table.GetEntityIfExistsAsync<TableEntity>(Partition(cycleId, unitId), ExtensionRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return e.HasValue ? ToRequest(e.Value!) : null;
    }

    public async Task<IReadOnlyList<ExtensionRequest>> ListExtensionRequestsAsync(string cycleId, CancellationToken cancellationToken)
    {
        TableClient table = await Table().ConfigureAwait(false);
        string cycle = TableKeys.Encode(cycleId);
        string filter = TableClient.CreateQueryFilter($"PartitionKey gt {cycle + "|"} and PartitionKey lt {cycle + "}"} and RowKey eq {ExtensionRow}");
        var list = new List<ExtensionRequest>();
        await foreach (TableEntity e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(ToRequest(e));
        }

        return list;
    }

    private static ExtensionRequest ToRequest(TableEntity e) => new(
        e.GetString("CycleId"),
        e.GetString("UnitId"),
        DateOnly.ParseExact(e.GetString("Due"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        e.GetString("Reason"),
        e.GetDateTimeOffset("RequestedAt") ?? default,
        Enum.Parse<ExtensionRequestState>(e.GetString("State")),
        e.GetString("Note"));
}
