using System.Runtime.CompilerServices;
using Azure;
using SixStability.Core.Submissions;
using SixStability.Core.Text;

namespace SixStability.Infrastructure.Cycles;

/// <summary>
/// Table <c>obligations</c>, partitioned by (cycle, unit): a unit's page and reminders read one
/// partition, a step reads a range of partitions. Each change and its history row ('h…' beside the
/// obligation's 't…') are written in one transaction under the obligation's ETag; a submission also
/// replaces the obligation's last submitted text ('s…'), which only the summary and a lead unit's
/// view read, so steps never carry text.
/// </summary>
public sealed partial class TableObligationStore(TableClients tables, IBlobStore blobs) : IObligationStore
{
    private const int MaxConcurrentPartitions = 16;

    /// <summary>A history detail longer than this (UTF-16 chars) goes to a blob: a Table string property holds 32K chars, an entity 1 MB.</summary>
    public const int MaxInlineDetail = 8 * 1024;

    private const string HistoryContainer = "history";

    // 'e|…' escalation entries (one per unit and step), 'h…' history ("h{task}|r{revision}"), 'i…' idempotency keys,
    // 't…' obligations; 'x' the unit's extension request before requests moved beside the tallies.
    private const string LegacyExtensionRow = "x";

    public async Task AddMissingAsync(IReadOnlyList<Obligation> obligations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obligations);
        TableClient table = await Table().ConfigureAwait(false);

        // Nothing can change these obligations before their cycle's record exists, so the tallies start from what was
        // planned, and are written while the obligations are (a retried opening lays the same marks again: no change).
        Task tallied = Task.WhenAll(obligations.GroupBy(o => o.CycleId, StringComparer.Ordinal).Select(cycle => LayAsync(cycle.Key, MarksByUnit(cycle), createMissing: true, cancellationToken)));
        Task written = Parallel.ForEachAsync(
            obligations.GroupBy(o => Partition(o.CycleId, o.UnitId)),
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentPartitions, CancellationToken = cancellationToken },
            async (partition, ct) =>
            {
                foreach (Obligation[] chunk in partition.Chunk(100))
                {
                    try
                    {
                        await table.SubmitTransactionAsync(chunk.Select(o => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(o))), ct).ConfigureAwait(false);
                    }
                    catch (TableTransactionFailedException ex) when (ex.Status == 409)
                    {
                        // Some exist already (a retried opening): add the others one by one, keep the existing as they are.
                        foreach (Obligation o in chunk)
                        {
                            try
                            {
                                await table.AddEntityAsync(ToEntity(o), ct).ConfigureAwait(false);
                            }
                            catch (RequestFailedException conflict) when (conflict.Status == 409)
                            {
                            }
                        }
                    }
                }
            });
        await Task.WhenAll(written, tallied).ConfigureAwait(false);
    }

    public async Task<Obligation?> GetAsync(string cycleId, string unitId, int task, CancellationToken cancellationToken)
    {
        TableClient table = await Table().ConfigureAwait(false);
        if (await ReadRowAsync(table, Partition(cycleId, unitId), Row(task), cancellationToken).ConfigureAwait(false) is not { } row)
        {
            return null;
        }

        // Kept with the instance, so a change starting from it need not read the row again (see ChangeAsync).
        Obligation obligation = ToObligation(row);
        readRows.AddOrUpdate(obligation, row);
        return obligation;
    }

    public async Task<IReadOnlyList<Obligation>> ListUnitAsync(string cycleId, string unitId, CancellationToken cancellationToken)
    {
        TableClient table = await Table().ConfigureAwait(false);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(cycleId, unitId)} and RowKey ge {"t"} and RowKey lt {"u"}");
        var list = new List<Obligation>();
        await foreach (TableEntity e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(ToObligation(e));
        }

        return list;
    }

    public async IAsyncEnumerable<Obligation> ListAsync(string cycleId, UnitRange? page, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        TableClient table = await Table().ConfigureAwait(false);
        string filter = page is null
            ? EveryObligationOf(cycleId)
            : TableClient.CreateQueryFilter($"PartitionKey ge {Partition(cycleId, page.FirstUnit)} and PartitionKey le {Partition(cycleId, page.LastUnit)} and RowKey ge {"t"} and RowKey lt {"u"}");
        await foreach (TableEntity e in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return ToObligation(e);
        }
    }

    private static string Partition(string cycleId, string unitId) => $"{TableKeys.Encode(cycleId)}|{TableKeys.Encode(unitId)}";

    private static string Row(int task) => $"t{task:D2}";

    /// <summary>Every obligation row of the cycle: its partitions are "{cycle}|{unit}", its obligation rows "t…".</summary>
    private static string EveryObligationOf(string cycleId)
    {
        string cycle = TableKeys.Encode(cycleId);
        return TableClient.CreateQueryFilter($"PartitionKey gt {cycle + "|"} and PartitionKey lt {cycle + "}"} and RowKey ge {"t"} and RowKey lt {"u"}");
    }

    /// <summary>Where rows written before the blob's name was kept in the row find their blob.</summary>
    private static string LegacyDetailBlob(string partition, string row) => $"{Uri.EscapeDataString(partition)}/{Uri.EscapeDataString(row)}.json";

    private static string HistoryRow(int task, int revision) => $"h{task:D2}|r{revision:D6}";

    private static TableEntity ToEntity(Obligation o) => new(Partition(o.CycleId, o.UnitId), Row(o.TaskNumber))
    {
        ["CycleId"] = o.CycleId,
        ["UnitId"] = o.UnitId,
        ["Task"] = o.TaskNumber,
        ["IsLead"] = o.IsLead,
        ["State"] = o.State.ToString(),
        ["Due"] = o.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Level"] = o.EscalationLevel,
        ["Late"] = o.Late,
        ["SubmittedAt"] = o.SubmittedAt,
        ["ReturnReason"] = o.ReturnReason,
        ["Rev"] = o.Revision,
        ["Figures"] = o.Figures is null ? null : JsonSerializer.Serialize(o.Figures, Json.Options),
        ["Files"] = o.Attachments is null ? null : JsonSerializer.Serialize(o.Attachments, Json.Options),
        ["Returns"] = o.Returns,
        ["AcceptedAt"] = o.AcceptedAt,
    };

    private static Obligation ToObligation(TableEntity e) => new(
        e.GetString("CycleId"),
        e.GetString("UnitId"),
        e.GetInt32("Task") ?? 0,
        e.GetBoolean("IsLead") ?? false,
        Enum.Parse<ObligationState>(e.GetString("State")),
        DateOnly.ParseExact(e.GetString("Due"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        e.GetInt32("Level") ?? 0,
        e.GetBoolean("Late") ?? false,
        e.GetDateTimeOffset("SubmittedAt"),
        e.GetString("ReturnReason"),
        e.GetInt32("Rev") ?? 0,
        e.GetString("Figures") is { } figures ? JsonSerializer.Deserialize<ReportedFigures>(figures, Json.Options) : null,
        e.GetString("Files") is { } files ? JsonSerializer.Deserialize<List<Attachment>>(files, Json.Options) : null,
        e.GetInt32("Returns") ?? 0,
        e.GetDateTimeOffset("AcceptedAt"));

    private Task<TableClient> Table() => tables.GetAsync("obligations");

    /// <summary>Rows grouped by partition: a unit's obligations commit together, one transaction per partition.</summary>
    private static async Task<Dictionary<string, List<TableEntity>>> ByPartitionAsync(AsyncPageable<TableEntity> query)
    {
        var partitions = new Dictionary<string, List<TableEntity>>(StringComparer.Ordinal);
        await foreach (TableEntity e in query.ConfigureAwait(false))
        {
            if (!partitions.TryGetValue(e.PartitionKey, out List<TableEntity>? rows))
            {
                partitions[e.PartitionKey] = rows = [];
            }

            rows.Add(e);
        }

        return partitions;
    }

    /// <summary>Runs <paramref name="body"/> for every partition, a few at a time: Table Storage serves partitions in parallel.</summary>
    private static Task EachPartitionAsync<T>(IEnumerable<T> partitions, Func<T, CancellationToken, ValueTask> body, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(partitions, new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentPartitions, CancellationToken = cancellationToken }, body);
}
