using Azure;
using Azure.Data.Tables;
using SixStability.Infrastructure.Storage;

namespace SixStability.Bench;

/// <summary>
/// The raw baselines of the scale bench: plain Azure.Data.Tables calls doing the storage work of each measure, on one
/// table of their own (which grows with the cycles written, as the product's does), 16 transactions at a time as the
/// product's bulk writes go.
/// </summary>
internal sealed class RawBaseline
{
    private const int Concurrency = 16;
    private readonly TableClient table;

    private RawBaseline(TableClient table) => this.table = table;

    public static async Task<RawBaseline> CreateAsync(TableServiceClient service)
    {
        TableClient table = service.GetTableClient("rawobligations" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateAsync();
        return new RawBaseline(table);
    }

    /// <summary>The product's rows of one cycle as rows of <paramref name="cycleId"/> (same columns, partitions of that cycle).</summary>
    public static List<TableEntity> ForCycle(IEnumerable<TableEntity> rows, string cycleId) =>
        [.. rows.Select(r => new TableEntity(r) { PartitionKey = $"{TableKeys.Encode(cycleId)}|{TableKeys.Encode(r.GetString("UnitId"))}", ETag = default })];

    /// <summary>open: batched adds, transactions of up to 100 rows of one partition.</summary>
    public Task AddAsync(IEnumerable<TableEntity> rows) =>
        ByPartitionAsync(rows, chunk => table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r))));

    /// <summary>escalation: every row's level written, batched the same way.</summary>
    public Task RaiseAsync(IEnumerable<TableEntity> rows) =>
        ByPartitionAsync(rows, chunk => table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(r.PartitionKey, r.RowKey) { ["Level"] = 1 }, ETag.All))));

    /// <summary>submit: a point read, then one transaction of the rows a submission writes (the row, a history row, an idempotency row, the last submitted text).</summary>
    public async Task SaveAsync((string Partition, string Row) key, string unit, int task, CancellationToken cancellationToken)
    {
        TableEntity row = (await table.GetEntityAsync<TableEntity>(key.Partition, key.Row, cancellationToken: cancellationToken)).Value;
        row["State"] = "Submitted";
        int revision = (row.GetInt32("Rev") ?? 0) + 1;
        row["Rev"] = revision;
        await table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.UpdateMerge, row, row.ETag),
                new(TableTransactionActionType.Add, new TableEntity(key.Partition, $"h{task:D2}|r{revision:D6}") { ["Detail"] = "{\"narrative\":\"按计划推进。\"}", ["Who"] = unit }),
                new(TableTransactionActionType.Add, new TableEntity(key.Partition, $"i{task:D2}|{Guid.NewGuid():N}") { ["Fingerprint"] = "x" }),
                new(TableTransactionActionType.UpsertReplace, new TableEntity(key.Partition, $"s{task:D2}") { ["Narrative"] = "按计划推进。", ["Rev"] = revision }),
            ],
            cancellationToken);
    }

    private static Task ByPartitionAsync(IEnumerable<TableEntity> rows, Func<TableEntity[], Task> submit) =>
        Parallel.ForEachAsync(
            rows.GroupBy(r => r.PartitionKey).SelectMany(g => g.Chunk(100)),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency },
            async (chunk, _) => await submit(chunk));
}
