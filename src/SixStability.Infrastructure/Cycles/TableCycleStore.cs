using Azure;
using SixStability.Core.Text;

namespace SixStability.Infrastructure.Cycles;

/// <summary>Table <c>cycles</c>: one row per cycle.</summary>
public sealed class TableCycleStore(TableClients tables) : ICycleStore
{
    private const string Row = "cycle";

    // A cycle's problems sit in its own partition beside its record: "p|{ticks}|{id}", oldest first.
    private const string ProblemRows = "p|";

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

    public async Task SetOrchestrationVersionAsync(string cycleId, string version, CancellationToken cancellationToken)
    {
        TableClient table = await tables.GetAsync("cycles").ConfigureAwait(false);
        var entity = new TableEntity(TableKeys.Encode(cycleId), Row) { ["OrchestrationVersion"] = version };
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

    public async Task AddProblemAsync(string cycleId, CycleProblem problem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(problem);
        TableClient table = await tables.GetAsync("cycles").ConfigureAwait(false);
        await table.AddEntityAsync(
            new TableEntity(TableKeys.Encode(cycleId), $"{ProblemRows}{problem.At.UtcTicks:D19}|{Guid.NewGuid():N}")
            {
                ["At"] = problem.At,
                ["Step"] = problem.Step,
                ["Message"] = problem.Message.Length > 4000 ? problem.Message[..4000] : problem.Message,
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<CycleProblem>> ProblemsAsync(string cycleId, CancellationToken cancellationToken)
    {
        TableClient table = await tables.GetAsync("cycles").ConfigureAwait(false);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(cycleId)} and RowKey gt {ProblemRows} and RowKey lt {"p}"}");
        var problems = new List<CycleProblem>();
        await foreach (TableEntity e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            problems.Add(new CycleProblem(e.GetDateTimeOffset("At") ?? default, e.GetString("Step"), e.GetString("Message")));
        }

        return problems;
    }

    private static TableEntity ToEntity(CycleRecord r) => new(TableKeys.Encode(r.CycleId), Row)
    {
        ["Frame"] = JsonSerializer.Serialize(r.Frame, Json.Options),
        ["Policy"] = JsonSerializer.Serialize(r.Policy, Json.Options),
        ["Status"] = r.Status.ToString(),
        ["UnitRanges"] = JsonSerializer.Serialize(r.UnitRanges, Json.Options),
        ["CreatedAt"] = r.CreatedAt,
        ["ClosedAt"] = r.ClosedAt,
        ["Versions"] = r.Versions is null ? null : JsonSerializer.Serialize(r.Versions, Json.Options),
        ["OrchestrationVersion"] = r.OrchestrationVersion,
    };

    private static CycleRecord ToRecord(TableEntity e) => new(
        JsonSerializer.Deserialize<CycleFrame>(e.GetString("Frame"), Json.Options)!,
        JsonSerializer.Deserialize<CyclePolicy>(e.GetString("Policy"), Json.Options)!,
        Enum.Parse<CycleStatus>(e.GetString("Status")),
        JsonSerializer.Deserialize<List<UnitRange>>(e.GetString("UnitRanges"), Json.Options)!,
        e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        e.GetDateTimeOffset("ClosedAt"),
        e.GetString("Versions") is { } versions ? JsonSerializer.Deserialize<CycleVersions>(versions, Json.Options) : null,
        e.GetString("OrchestrationVersion"));
}
