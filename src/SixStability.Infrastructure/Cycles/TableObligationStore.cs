using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SixStability.Core.Cycles;
using SixStability.Core.Rules;
using SixStability.Core.Submissions;
using SixStability.Core.Text;
using SixStability.Infrastructure.Storage;
using SixStability.Workflow.Ports;

namespace SixStability.Infrastructure.Cycles;

/// <summary>
/// Table <c>obligations</c>, partitioned by (cycle, unit): a unit's page and reminders read one
/// partition, a step reads a range of partitions. Each change and its history row ('h…' beside the
/// obligation's 't…') are written in one transaction under the obligation's ETag.
/// </summary>
public sealed class TableObligationStore(TableClients tables, IBlobStore blobs) : IObligationStore
{
    private const int MaxConcurrentPartitions = 16;
    private const int MaxAttempts = 10;

    /// <summary>A history detail longer than this (UTF-16 chars) goes to a blob: a Table string property holds 32K chars, an entity 1 MB.</summary>
    public const int MaxInlineDetail = 8 * 1024;

    private const string HistoryContainer = "history";

    // 'g' the unit's gate, 'h…' history, 'i…' idempotency keys, 't…' obligations, 'x' the unit's extension request.
    private const string ExtensionRow = "x";

    // Every change rewrites its partition's gate under the gate's ETag, in the same transaction, and the
    // close seals every gate: a change that read an open gate and commits after the seal fails on the
    // gate's ETag, reads again and finds it sealed. This is the fence a close needs, one row per unit.
    private const string GateRow = "g";

    public async Task AddMissingAsync(IReadOnlyList<Obligation> obligations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obligations);
        TableClient table = await Table().ConfigureAwait(false);
        await Parallel.ForEachAsync(
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
            }).ConfigureAwait(false);
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

    public const string ClosedMessage = "本周期已关闭，不能再报送或修改。";
    public const string BusyMessage = "同时修改的人较多，请稍后再试。";

    public async Task<Outcome<ChangeResult>> ChangeAsync(string cycleId, string unitId, int task, Func<Obligation, Outcome<Obligation>> change, HistoryEntry entry, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(entry);
        TableClient table = await Table().ConfigureAwait(false);
        string partition = Partition(cycleId, unitId);
        string? keyRow = idempotencyKey is null ? null : $"i{task:D2}|{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(idempotencyKey)))[..32]}";
        // One history row (and at most one detail blob) however many times a concurrent edit makes us retry.
        string historyRow = $"h{task:D2}|{entry.At.UtcTicks:D19}|{Guid.NewGuid():N}";
        bool outOfLine = entry.Detail is { Length: > MaxInlineDetail };
        bool blobWritten = false;
        for (int attempt = 0; ; attempt++)
        {
            NullableResponse<TableEntity> current = await table.GetEntityIfExistsAsync<TableEntity>(partition, Row(task), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!current.HasValue)
            {
                return Outcome.NotFound<ChangeResult>($"本周期没有该单位的任务（{task}）。");
            }

            if (keyRow is not null && (await table.GetEntityIfExistsAsync<TableEntity>(partition, keyRow, select: ["PartitionKey"], cancellationToken: cancellationToken).ConfigureAwait(false)).HasValue)
            {
                return new ChangeResult(ToObligation(current.Value!), Replayed: true);
            }

            NullableResponse<TableEntity> gate = await table.GetEntityIfExistsAsync<TableEntity>(partition, GateRow, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (gate.HasValue && gate.Value!.GetBoolean("Sealed") == true)
            {
                return Outcome.Closed<ChangeResult>(ClosedMessage);
            }

            Obligation before = ToObligation(current.Value!);
            Outcome<Obligation> decided = change(before);
            if (!decided.IsOk)
            {
                return decided.As<ChangeResult>();
            }

            Obligation changed = decided.Value! with { Revision = before.Revision + 1 };
            if (outOfLine && !blobWritten)
            {
                // Written first: a row that points to a missing blob would lose text; an orphan blob loses nothing.
                await blobs.PutAsync(HistoryContainer, DetailBlob(partition, historyRow), System.Text.Encoding.UTF8.GetBytes(entry.Detail!), "application/json; charset=utf-8", cancellationToken).ConfigureAwait(false);
                blobWritten = true;
            }

            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.UpdateReplace, ToEntity(changed), current.Value!.ETag),
                new(TableTransactionActionType.Add, new TableEntity(partition, historyRow)
                {
                    ["At"] = entry.At,
                    ["Who"] = entry.Who,
                    ["What"] = entry.What,
                    ["Detail"] = outOfLine ? null : entry.Detail,
                    ["DetailBlob"] = outOfLine,
                    ["Revision"] = changed.Revision,
                }),
            };
            if (keyRow is not null)
            {
                actions.Add(new(TableTransactionActionType.Add, new TableEntity(partition, keyRow) { ["At"] = entry.At }));
            }

            actions.Add(gate.HasValue
                ? new(TableTransactionActionType.UpdateMerge, new TableEntity(partition, GateRow) { ["Sealed"] = false }, gate.Value!.ETag)
                : new(TableTransactionActionType.Add, new TableEntity(partition, GateRow) { ["Sealed"] = false }));

            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                return new ChangeResult(changed, Replayed: false);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 412 or 409)
            {
                // A concurrent edit or seal (412 on the obligation or the gate), the gate or the same key created
                // first (409): read again; a replay or a seal is then seen above.
                if (attempt >= MaxAttempts)
                {
                    return Outcome.Busy<ChangeResult>(BusyMessage);
                }
            }
        }
    }

    public async Task SealAsync(string cycleId, CancellationToken cancellationToken)
    {
        TableClient table = await Table().ConfigureAwait(false);
        string filter = EveryObligationOf(cycleId);
        var partitions = new HashSet<string>(StringComparer.Ordinal);
        await foreach (TableEntity e in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["PartitionKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            partitions.Add(e.PartitionKey);
        }

        // An unconditional write changes the gate's ETag (or creates it), which is what fails a change in flight.
        await Parallel.ForEachAsync(
            partitions,
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentPartitions, CancellationToken = cancellationToken },
            async (partition, ct) => await table.UpsertEntityAsync(new TableEntity(partition, GateRow) { ["Sealed"] = true }, TableUpdateMode.Replace, ct).ConfigureAwait(false)).ConfigureAwait(false);
    }

    public async Task<int> RemoveOrphanDetailsAsync(string cycleId, CancellationToken cancellationToken)
    {
        TableClient table = await Table().ConfigureAwait(false);
        int removed = 0;
        await foreach (string name in blobs.ListAsync(HistoryContainer, Uri.EscapeDataString(TableKeys.Encode(cycleId) + "|"), cancellationToken).ConfigureAwait(false))
        {
            if (DetailBlobRow(name) is not var (partition, row))
            {
                continue;
            }

            NullableResponse<TableEntity> named = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, select: ["DetailBlob"], cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!named.HasValue || named.Value!.GetBoolean("DetailBlob") != true)
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

    /// <summary>History rows of one unit with RowKey in (after, before), oldest first: their keys start "h{task:D2}|{ticks}".</summary>
    private async IAsyncEnumerable<(int Task, HistoryEntry Entry)> ReadHistoryAsync(string cycleId, string unitId, string after, string before, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        TableClient table = await Table().ConfigureAwait(false);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(cycleId, unitId)} and RowKey gt {after} and RowKey lt {before}");
        await foreach (TableEntity e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            string? detail = e.GetString("Detail");
            if (e.GetBoolean("DetailBlob") == true && await blobs.GetAsync(HistoryContainer, DetailBlob(e.PartitionKey, e.RowKey), cancellationToken).ConfigureAwait(false) is { } blob)
            {
                detail = System.Text.Encoding.UTF8.GetString(blob.Content.Span);
            }

            yield return (int.Parse(e.RowKey.AsSpan(1, 2), CultureInfo.InvariantCulture), new HistoryEntry(e.GetDateTimeOffset("At") ?? default, e.GetString("Who"), e.GetString("What"), detail));
        }
    }

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

    private static string Partition(string cycleId, string unitId) => $"{TableKeys.Encode(cycleId)}|{TableKeys.Encode(unitId)}";

    private static string Row(int task) => $"t{task:D2}";

    /// <summary>Every obligation row of the cycle: its partitions are "{cycle}|{unit}", its obligation rows "t…".</summary>
    private static string EveryObligationOf(string cycleId)
    {
        string cycle = TableKeys.Encode(cycleId);
        return TableClient.CreateQueryFilter($"PartitionKey gt {cycle + "|"} and PartitionKey lt {cycle + "}"} and RowKey ge {"t"} and RowKey lt {"u"}");
    }

    private static string DetailBlob(string partition, string row) => $"{Uri.EscapeDataString(partition)}/{Uri.EscapeDataString(row)}.json";

    /// <summary>The row a detail blob belongs to (<see cref="DetailBlob"/> read backwards); null for a name it never writes.</summary>
    private static (string Partition, string Row)? DetailBlobRow(string name)
    {
        int slash = name.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && name.EndsWith(".json", StringComparison.Ordinal) && name.IndexOf('/', slash + 1) < 0
            ? (Uri.UnescapeDataString(name[..slash]), Uri.UnescapeDataString(name[(slash + 1)..^5]))
            : null;
    }

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
        e.GetString("Files") is { } files ? JsonSerializer.Deserialize<List<Attachment>>(files, Json.Options) : null);

    private Task<TableClient> Table() => tables.GetAsync("obligations");
}
