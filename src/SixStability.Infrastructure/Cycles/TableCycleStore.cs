using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SixStability.Core.Cycles;
using SixStability.Core.Text;
using SixStability.Infrastructure.Storage;
using SixStability.Workflow.Ports;

namespace SixStability.Infrastructure.Cycles;

/// <summary>Table <c>cycles</c>: one row per cycle.</summary>
public sealed class TableCycleStore(TableClients tables) : ICycleStore
{
    private const string Row = "cycle";

    public async Task<CycleRecord?> GetAsync(string cycleId, CancellationToken cancellationToken)
    {
        TableClient table = await tables.GetAsync("cycles").ConfigureAwait(false);
        NullableResponse<TableEntity> e = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(cycleId), Row, cancellationToken: cancellationToken).ConfigureAwait(false);
        return e.HasValue ? ToRecord(e.Value!) : null;
    }

    public async Task<CycleRecord> CreateAsync(CycleRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        TableClient table = await tables.GetAsync("cycles").ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(ToEntity(record), cancellationToken).ConfigureAwait(false);
            return record;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return (await GetAsync(record.CycleId, cancellationToken).ConfigureAwait(false))!; // a retried opening keeps the first frame
        }
    }

    public async Task SetStatusAsync(string cycleId, CycleStatus status, DateTimeOffset at, CancellationToken cancellationToken)
    {
        TableClient table = await tables.GetAsync("cycles").ConfigureAwait(false);
        var entity = new TableEntity(TableKeys.Encode(cycleId), Row) { ["Status"] = status.ToString() };
        if (status != CycleStatus.Open)
        {
            entity["ClosedAt"] = at;
        }

        await table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<CycleRecord>> ListAsync(CancellationToken cancellationToken)
    {
        TableClient table = await tables.GetAsync("cycles").ConfigureAwait(false);
        var records = new List<CycleRecord>();
        await foreach (TableEntity e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {Row}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            records.Add(ToRecord(e));
        }

        return records;
    }

    private static TableEntity ToEntity(CycleRecord r) => new(TableKeys.Encode(r.CycleId), Row)
    {
        ["Frame"] = JsonSerializer.Serialize(r.Frame, Json.Options),
        ["Policy"] = JsonSerializer.Serialize(r.Policy, Json.Options),
        ["Status"] = r.Status.ToString(),
        ["UnitRanges"] = JsonSerializer.Serialize(r.UnitRanges, Json.Options),
        ["CreatedAt"] = r.CreatedAt,
        ["ClosedAt"] = r.ClosedAt,
    };

    private static CycleRecord ToRecord(TableEntity e) => new(
        JsonSerializer.Deserialize<CycleFrame>(e.GetString("Frame"), Json.Options)!,
        JsonSerializer.Deserialize<CyclePolicy>(e.GetString("Policy"), Json.Options)!,
        Enum.Parse<CycleStatus>(e.GetString("Status")),
        JsonSerializer.Deserialize<List<UnitRange>>(e.GetString("UnitRanges"), Json.Options)!,
        e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        e.GetDateTimeOffset("ClosedAt"));
}
