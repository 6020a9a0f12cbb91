using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Azure;
using SixStability.Core.Rules;
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
    // Enough for dozens of people saving the same task in the same second; past it the answer is 503 with Retry-After.
    private const int MaxAttempts = 40;

    /// <summary>A history detail longer than this (UTF-16 chars) goes to a blob: a Table string property holds 32K chars, an entity 1 MB.</summary>
    public const int MaxInlineDetail = 8 * 1024;

    private const string HistoryContainer = "history";

    // 'e|…' escalation entries (one per unit and step), 'h…' history ("h{task}|r{revision}"), 'i…' idempotency keys,
    // 't…' obligations; 'x' the unit's extension request before requests moved beside the tallies.
    private const string LegacyExtensionRow = "x";

    // Set on every obligation row when the cycle closes (SealAsync); a change reads it with the row it changes.
    private const string SealedProperty = "Sealed";

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

        // Nothing can change these obligations before their cycle's record exists, so the tallies start from what was planned.
        foreach (IGrouping<string, Obligation> cycle in obligations.GroupBy(o => o.CycleId, StringComparer.Ordinal))
        {
            await LayAsync(cycle.Key, MarksByUnit(cycle), createMissing: true, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<Obligation?> GetAsync(string cycleId, string unitId, int task, CancellationToken cancellationToken)
    {
        TableClient table = await Table().ConfigureAwait(false);
        NullableResponse<TableEntity> e = await table.GetEntityIfExistsAsync<TableEntity>(Partition(cycleId, unitId), Row(task), cancellationToken: cancellationToken).ConfigureAwait(false);
        return e.HasValue ? ToObligation(e.Value!) : null;
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

    /// <summary>
    /// One scan of 's…' and 't…' rows per range: within a partition the texts come before the obligations,
    /// so only one unit's texts are held at a time. A submitted obligation without a text row (saved
    /// before texts were kept) takes the text of its last submission from its history.
    /// </summary>
    public async IAsyncEnumerable<ObligationReport> ListReportsAsync(string cycleId, UnitRange? page, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        TableClient table = await Table().ConfigureAwait(false);
        string cycle = TableKeys.Encode(cycleId);
        string filter = page is null
            ? TableClient.CreateQueryFilter($"PartitionKey gt {cycle + "|"} and PartitionKey lt {cycle + "}"} and RowKey ge {"s"} and RowKey lt {"u"}")
            : TableClient.CreateQueryFilter($"PartitionKey ge {Partition(cycleId, page.FirstUnit)} and PartitionKey le {Partition(cycleId, page.LastUnit)} and RowKey ge {"s"} and RowKey lt {"u"}");
        var texts = new Dictionary<string, ReportText>(StringComparer.Ordinal);
        string partition = string.Empty;
        await foreach (TableEntity e in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (e.PartitionKey != partition)
            {
                texts.Clear();
                partition = e.PartitionKey;
            }

            if (e.RowKey.StartsWith('s'))
            {
                texts[e.RowKey[1..]] = new ReportText(e.GetString("Narrative") ?? string.Empty, e.GetString("Difficulties"), e.GetString("NextSteps"));
                continue;
            }

            Obligation o = ToObligation(e);
            ReportText? text = texts.GetValueOrDefault(e.RowKey[1..]);
            if (text is null && o.SubmittedAt is not null)
            {
                text = await LastSubmittedAsync(o, cancellationToken).ConfigureAwait(false);
            }

            yield return new ObligationReport(o, text);
        }
    }

    /// <summary>
    /// Bulk load of submitted texts beside obligations added with <see cref="AddMissingAsync"/>: for benchmarks
    /// and migrations, never for a live cycle (a change writes its text in its own transaction).
    /// </summary>
    public async Task AddTextsAsync(IReadOnlyList<(Obligation Obligation, ReportText Text)> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        TableClient table = await Table().ConfigureAwait(false);
        await Parallel.ForEachAsync(
            texts.GroupBy(t => Partition(t.Obligation.CycleId, t.Obligation.UnitId)),
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentPartitions, CancellationToken = cancellationToken },
            async (partition, ct) =>
            {
                foreach ((Obligation Obligation, ReportText Text)[] chunk in partition.Chunk(100))
                {
                    await table.SubmitTransactionAsync(chunk.Select(t => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToTextEntity(partition.Key, t.Obligation.TaskNumber, t.Text, t.Obligation.Revision))), ct).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
    }

    public const string ClosedMessage = "本周期已关闭，不能再报送或修改。";
    public const string BusyMessage = "同时修改的人较多，请稍后再试。";
    public const string ReusedKeyMessage = "该请求编号（Idempotency-Key）已用于另一份内容：请刷新页面后重新提交（API 调用请为每份新内容使用新的编号）。";

    public async Task<Outcome<ChangeResult>> ChangeAsync(string cycleId, string unitId, int task, Func<Obligation, Outcome<Obligation>> change, HistoryEntry entry, Idempotency? idempotency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(entry);
        TableClient table = await Table().ConfigureAwait(false);
        string partition = Partition(cycleId, unitId);
        string? keyRow = idempotency is null ? null : $"i{task:D2}|{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(idempotency.Key)))[..32]}";

        // One detail blob however many times a concurrent edit makes us read again; its name is kept in the row.
        string? detailBlob = entry.Detail is { Length: > MaxInlineDetail } ? $"{Uri.EscapeDataString(partition)}/{Guid.NewGuid():N}.json" : null;
        bool blobWritten = false;
        for (int attempt = 1; ; attempt++)
        {
            NullableResponse<TableEntity> current = await table.GetEntityIfExistsAsync<TableEntity>(partition, Row(task), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!current.HasValue)
            {
                return Outcome.NotFound<ChangeResult>($"本周期没有该单位的任务（{task}）。");
            }

            // The key is looked up only when the answer would not be a commit (a replay is refused by the rules as
            // stale, or meets the seal) or after a commit failed (its key row may be what collided): a first request
            // costs no read of it, and its transaction adds the key, so a replay never commits twice.
            bool keyRead = false;
            async Task<Outcome<ChangeResult>?> ReplayAsync()
            {
                keyRead = true;
                if (keyRow is null || await table.GetEntityIfExistsAsync<TableEntity>(partition, keyRow, select: ["Fingerprint"], cancellationToken: cancellationToken).ConfigureAwait(false) is not { HasValue: true } seen)
                {
                    return null;
                }

                // The same key again: the same request is answered as before; another request under it is refused, not silently dropped.
                if (seen.Value!.GetString("Fingerprint") is { } fingerprint && fingerprint != idempotency!.Fingerprint)
                {
                    return Outcome.Unprocessable<ChangeResult>(ReusedKeyMessage);
                }

                // A retry of a request whose answer was lost may also have lost its tally: lay it again (a no-op when it stands).
                Obligation standing = ToObligation(current.Value!);
                await TallyChangeAsync(cycleId, unitId, ObligationMark.Of(standing)).ConfigureAwait(false);
                return new ChangeResult(standing, Replayed: true);
            }

            if (attempt > 1 && await ReplayAsync().ConfigureAwait(false) is { } replayed)
            {
                return replayed;
            }

            if (current.Value!.GetBoolean(SealedProperty) == true)
            {
                return !keyRead && await ReplayAsync().ConfigureAwait(false) is { } replayedAfterSeal ? replayedAfterSeal : Outcome.Closed<ChangeResult>(ClosedMessage);
            }

            Obligation before = ToObligation(current.Value);
            Outcome<Obligation> decided = change(before);
            if (!decided.IsOk)
            {
                return !keyRead && await ReplayAsync().ConfigureAwait(false) is { } replayedInstead ? replayedInstead : decided.As<ChangeResult>();
            }

            Obligation changed = decided.Value! with { Revision = before.Revision + 1 };
            if (detailBlob is not null && !blobWritten)
            {
                // Written first: a row that points to a missing blob would lose text; an orphan blob loses nothing.
                await blobs.PutAsync(HistoryContainer, detailBlob, Encoding.UTF8.GetBytes(entry.Detail!), "application/json; charset=utf-8", cancellationToken).ConfigureAwait(false);
                blobWritten = true;
            }

            // The history row's key carries the revision, so history reads back in commit order, and of two
            // writers from the same revision only one can commit (the obligation's ETag).
            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.UpdateReplace, ToEntity(changed), current.Value.ETag),
                new(TableTransactionActionType.Add, new TableEntity(partition, HistoryRow(task, changed.Revision))
                {
                    ["At"] = entry.At,
                    ["Who"] = entry.Who,
                    ["What"] = entry.What,
                    ["Detail"] = detailBlob is null ? entry.Detail : null,
                    ["DetailBlob"] = detailBlob is not null,
                    ["DetailBlobName"] = detailBlob,
                    ["Revision"] = changed.Revision,
                }),
            };
            if (keyRow is not null)
            {
                actions.Add(new(TableTransactionActionType.Add, new TableEntity(partition, keyRow) { ["At"] = entry.At, ["Fingerprint"] = idempotency!.Fingerprint }));
            }

            if (entry.Report is { } report)
            {
                // The last submitted text, replaced in the same transaction: the summary reads it without the history.
                actions.Add(new(TableTransactionActionType.UpsertReplace, ToTextEntity(partition, task, report, changed.Revision)));
            }

            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                await TallyChangeAsync(cycleId, unitId, ObligationMark.Of(changed)).ConfigureAwait(false);
                return new ChangeResult(changed, Replayed: false);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 412 or 409)
            {
                // Another edit of this task, or the seal, or the same key, came first: read again after a short,
                // jittered wait (a replay or a seal is then seen above). Other tasks of the unit never contend here.
                if (attempt >= MaxAttempts)
                {
                    return Outcome.Busy<ChangeResult>(BusyMessage);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25) * Math.Min(attempt, 8)), cancellationToken).ConfigureAwait(false);
            }
        }
    }

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
        var partitions = new Dictionary<string, List<TableEntity>>(StringComparer.Ordinal);
        await foreach (TableEntity e in table.QueryAsync<TableEntity>(EveryObligationOf(cycleId), maxPerPage: 1000, select: MarkColumns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!partitions.TryGetValue(e.PartitionKey, out List<TableEntity>? rows))
            {
                partitions[e.PartitionKey] = rows = [];
            }

            rows.Add(e);
        }

        var marks = new ConcurrentDictionary<string, IReadOnlyList<ObligationMark>>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            partitions,
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentPartitions, CancellationToken = cancellationToken },
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
            }).ConfigureAwait(false);

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

    /// <summary>The text of an obligation's last submission, read from its history (rows kept before texts were).</summary>
    private async Task<ReportText?> LastSubmittedAsync(Obligation o, CancellationToken cancellationToken)
    {
        ReportText? last = null;
        IReadOnlyDictionary<int, IReadOnlyList<HistoryEntry>> history = await ReadHistoryAsync(o.CycleId, o.UnitId, o.TaskNumber, cancellationToken).ConfigureAwait(false);
        foreach (HistoryEntry entry in history.GetValueOrDefault(o.TaskNumber, []))
        {
            if (entry.What == "submitted" && entry.Detail is { Length: > 0 } detail && detail.StartsWith('{')
                && JsonSerializer.Deserialize<SavedForm>(detail, Json.Options) is { Narrative.Length: > 0 } form)
            {
                last = new ReportText(form.Narrative, form.Difficulties, form.NextSteps);
            }
        }

        return last;
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

    /// <summary>
    /// The last submitted text of one task: each field is within the submission rules' limits (5,000 and
    /// 2,000 characters), far under a Table string property's 32K characters, so no blob is needed.
    /// </summary>
    private static TableEntity ToTextEntity(string partition, int task, ReportText text, int revision) => new(partition, $"s{task:D2}")
    {
        ["Narrative"] = text.Narrative,
        ["Difficulties"] = text.Difficulties,
        ["NextSteps"] = text.NextSteps,
        ["Rev"] = revision,
    };

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
}
