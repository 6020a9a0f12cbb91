using System.Collections.Concurrent;
using Azure;

namespace SixStability.Infrastructure.Cycles;

/// <summary>
/// The cycle's tallies (<see cref="ICycleTallies"/>) in table <c>tallies</c>, one partition per cycle, so the board reads a
/// few small rows by key instead of every obligation: 'm' says the cycle has tallies and how many shards it uses;
/// 'u|{unit}' holds a unit's marks (one per obligation, with its revision) and its shard; 's|{shard}' holds, for up to 200
/// units, each unit's tally in a property of its own. A unit's row changes only under its ETag and together with its
/// property in its shard (one transaction), so a shard always holds the tally of the unit's latest row; units of one shard
/// write different properties and never wait for each other.
/// </summary>
public sealed partial class TableObligationStore : ICycleTallies
{
    private const string TallyTableName = "tallies";
    private const int UnitsPerShard = 200;
    private const string MetaRow = "m";
    private const string ShardRows = "s|";
    private const string UnitRows = "u|";

    // A unit's row is rewritten under its ETag; with changes of one unit serialized per process, a retry is rare.
    private const int MaxTallyAttempts = 60;

    // Enough for a province's units; past it the memory starts again (each row is then read once more).
    private const int MaxKnownUnitRows = 50_000;

    private readonly KeyedGates gates = new();
    private readonly ConcurrentDictionary<string, KnownUnitRow> knownUnitRows = new(StringComparer.Ordinal);

    public async Task<IReadOnlyDictionary<string, UnitTally>?> UnitsAsync(string cycleId, CancellationToken cancellationToken)
    {
        TableClient table = await TallyTable().ConfigureAwait(false);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {TallyPartition(cycleId)} and RowKey ge {MetaRow} and RowKey lt {"s}"}");
        var units = new Dictionary<string, UnitTally>(StringComparer.Ordinal);
        bool counted = false;
        await foreach (TableEntity e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (e.RowKey == MetaRow)
            {
                counted = true;
                continue;
            }

            foreach (KeyValuePair<string, object> property in e)
            {
                if (property.Value is string text && TallyText.UnitOf(property.Key) is { } unit)
                {
                    units[unit] = TallyText.Tally(text);
                }
            }
        }

        return counted ? units : null;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ObligationMark>>> MarksAsync(string cycleId, IReadOnlyCollection<string> unitIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unitIds);
        TableClient table = await TallyTable().ConfigureAwait(false);
        IReadOnlyDictionary<string, TableEntity> rows = await UnitRowsAsync(table, TallyPartition(cycleId), unitIds, cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Key, r => TallyText.Marks(r.Value.GetString("Marks")), StringComparer.Ordinal);
    }

    public Task MendAsync(string cycleId, IReadOnlyList<Obligation> observed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observed);
        return LayAsync(cycleId, MarksByUnit(observed), createMissing: false, cancellationToken);
    }

    public async Task RecountAsync(string cycleId, CancellationToken cancellationToken)
    {
        List<Obligation> all = await this.ListAllAsync(cycleId, null, cancellationToken).ConfigureAwait(false);
        await LayAsync(cycleId, MarksByUnit(all), createMissing: true, cancellationToken).ConfigureAwait(false);
        await MoveLegacyRequestsAsync(cycleId, cancellationToken).ConfigureAwait(false);
    }

    private static Dictionary<string, IReadOnlyList<ObligationMark>> MarksByUnit(IEnumerable<Obligation> obligations) =>
        obligations.GroupBy(o => o.UnitId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<ObligationMark>)[.. g.Select(ObligationMark.Of)], StringComparer.Ordinal);

    /// <summary>
    /// After a change commits: its mark goes over the unit's row (unless a newer one is there already) and the unit's
    /// tally into its shard, in one transaction under the row's ETag. The change stands whatever happens here: a tally
    /// left behind by a failing storage is mended by the next step over the unit's range, and made exact by the seal.
    /// </summary>
    private async Task TallyChangeAsync(string cycleId, string unitId, ObligationMark mark)
    {
        try
        {
            TableClient table = await TallyTable().ConfigureAwait(false);
            string partition = TallyPartition(cycleId);
            string row = UnitRow(unitId);
            using IDisposable turn = await gates.EnterAsync(partition + "|" + row).ConfigureAwait(false);
            string key = partition + "|" + row;
            for (int attempt = 1; attempt <= MaxTallyAttempts; attempt++)
            {
                // The row as this process last wrote it saves a read; its ETag still guards the write, so a row another
                // writer changed since (another instance, a step's mend, the seal) fails below and is read again.
                if (!knownUnitRows.TryGetValue(key, out KnownUnitRow? known))
                {
                    NullableResponse<TableEntity> current = await table.GetEntityIfExistsAsync<TableEntity>(partition, row).ConfigureAwait(false);
                    if (!current.HasValue)
                    {
                        return; // a cycle opened before tallies were kept: its first read counts it whole
                    }

                    known = new KnownUnitRow(TallyText.Marks(current.Value!.GetString("Marks")), current.Value.GetInt32("Shard") ?? 0, current.Value.ETag);
                }

                IReadOnlyList<ObligationMark> merged = ObligationMark.Merge(known.Marks, [mark]);
                if (merged.SequenceEqual(known.Marks))
                {
                    return;
                }

                try
                {
                    Response<IReadOnlyList<Response>> written = await table.SubmitTransactionAsync(UnitWrite(partition, unitId, known.Shard, merged, known.ETag), CancellationToken.None).ConfigureAwait(false);
                    Remember(key, written.Value[0].Headers.ETag is { } etag ? known with { Marks = merged, ETag = etag } : null);
                    return;
                }
                catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
                {
                    // Another writer changed this unit's row since it was read: read it again.
                    Remember(key, null);
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(2, 12) * Math.Min(attempt, 8))).ConfigureAwait(false);
                }
            }
        }
        catch (RequestFailedException)
        {
            // See above: the change is committed; the tally catches up at the next step or at the seal.
        }
    }

    /// <summary>
    /// Lays marks over their units' rows (per task the newer revision wins) and rewrites the units whose rows changed,
    /// with their tallies. A unit without a row gets one in a new shard when <paramref name="createMissing"/> (the opening,
    /// a recount, the seal); otherwise a cycle without tallies is left alone, for its first read to count whole.
    /// </summary>
    private async Task LayAsync(string cycleId, IReadOnlyDictionary<string, IReadOnlyList<ObligationMark>> incoming, bool createMissing, CancellationToken cancellationToken)
    {
        if (incoming.Count == 0)
        {
            return;
        }

        TableClient table = await TallyTable().ConfigureAwait(false);
        string partition = TallyPartition(cycleId);
        if (!createMissing && !(await table.GetEntityIfExistsAsync<TableEntity>(partition, MetaRow, select: ["Shards"], cancellationToken: cancellationToken).ConfigureAwait(false)).HasValue)
        {
            return;
        }

        IReadOnlyDictionary<string, IReadOnlyList<ObligationMark>> pending = incoming;
        for (int attempt = 1; pending.Count > 0; attempt++)
        {
            IReadOnlyDictionary<string, TableEntity> rows = await UnitRowsAsync(table, partition, [.. pending.Keys], cancellationToken).ConfigureAwait(false);
            var writes = new List<(string Unit, int Shard, IReadOnlyList<ObligationMark> Marks, ETag? ETag)>();
            var fresh = new List<string>();
            foreach ((string unit, IReadOnlyList<ObligationMark> marks) in pending)
            {
                if (rows.TryGetValue(unit, out TableEntity? row))
                {
                    IReadOnlyList<ObligationMark> held = TallyText.Marks(row.GetString("Marks"));
                    IReadOnlyList<ObligationMark> merged = ObligationMark.Merge(held, marks);
                    if (!merged.SequenceEqual(held))
                    {
                        writes.Add((unit, row.GetInt32("Shard") ?? 0, merged, row.ETag));
                    }
                }
                else if (createMissing)
                {
                    fresh.Add(unit);
                }
            }

            if (fresh.Count > 0)
            {
                fresh.Sort(StringComparer.Ordinal);
                int first = await ReserveShardsAsync(table, partition, (fresh.Count + UnitsPerShard - 1) / UnitsPerShard, cancellationToken).ConfigureAwait(false);
                writes.AddRange(fresh.Select((unit, i) => (unit, first + (i / UnitsPerShard), ObligationMark.Merge([], pending[unit]), (ETag?)null)));
            }

            var conflicted = new ConcurrentBag<string>();
            await Parallel.ForEachAsync(
                writes.GroupBy(w => w.Shard).SelectMany(shard => shard.Chunk(99)),
                new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentPartitions, CancellationToken = cancellationToken },
                async (chunk, ct) =>
                {
                    var shardRow = new TableEntity(partition, ShardRow(chunk[0].Shard));
                    var actions = new List<TableTransactionAction>(chunk.Length + 1);
                    foreach ((string unit, int shard, IReadOnlyList<ObligationMark> marks, ETag? etag) in chunk)
                    {
                        TableEntity unitRow = UnitEntity(partition, unit, shard, marks);
                        actions.Add(etag is { } match ? new(TableTransactionActionType.UpdateReplace, unitRow, match) : new(TableTransactionActionType.Add, unitRow));
                        shardRow[TallyText.PropertyOf(unit)] = TallyText.Tally(UnitTally.Of(marks));
                    }

                    actions.Add(new(TableTransactionActionType.UpsertMerge, shardRow, ETag.All));
                    try
                    {
                        await table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
                    }
                    catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
                    {
                        // One of these rows was written meanwhile (a save's own tally): read those units again.
                        foreach ((string unit, _, _, _) in chunk)
                        {
                            conflicted.Add(unit);
                        }
                    }
                }).ConfigureAwait(false);

            pending = conflicted.Distinct(StringComparer.Ordinal).ToDictionary(u => u, u => pending[u], StringComparer.Ordinal);
            if (pending.Count > 0 && attempt >= MaxTallyAttempts)
            {
                throw new InvalidOperationException($"Tallies of cycle {cycleId} kept changing while being written.");
            }
        }
    }

    /// <summary>Takes <paramref name="count"/> new shard numbers for the cycle (the meta row counts them, under its ETag) and returns the first.</summary>
    private static async Task<int> ReserveShardsAsync(TableClient table, string partition, int count, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            NullableResponse<TableEntity> meta = await table.GetEntityIfExistsAsync<TableEntity>(partition, MetaRow, cancellationToken: cancellationToken).ConfigureAwait(false);
            int first = meta.HasValue ? meta.Value!.GetInt32("Shards") ?? 0 : 0;
            var next = new TableEntity(partition, MetaRow) { ["Shards"] = first + count };
            try
            {
                if (meta.HasValue)
                {
                    await table.UpdateEntityAsync(next, meta.Value!.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await table.AddEntityAsync(next, cancellationToken).ConfigureAwait(false);
                }

                return first;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxTallyAttempts)
            {
            }
        }
    }

    /// <summary>The named units' rows: point reads for a few, one range query for many.</summary>
    private static async Task<IReadOnlyDictionary<string, TableEntity>> UnitRowsAsync(TableClient table, string partition, IReadOnlyCollection<string> unitIds, CancellationToken cancellationToken)
    {
        var rows = new ConcurrentDictionary<string, TableEntity>(StringComparer.Ordinal);
        if (unitIds.Count <= 32)
        {
            await Parallel.ForEachAsync(unitIds, new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentPartitions, CancellationToken = cancellationToken }, async (unit, ct) =>
            {
                NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(partition, UnitRow(unit), cancellationToken: ct).ConfigureAwait(false);
                if (row.HasValue)
                {
                    rows[unit] = row.Value!;
                }
            }).ConfigureAwait(false);
            return rows;
        }

        var wanted = unitIds.ToHashSet(StringComparer.Ordinal);
        string[] keys = [.. unitIds.Select(UnitRow).Order(StringComparer.Ordinal)];
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {keys[0]} and RowKey le {keys[^1]}");
        await foreach (TableEntity e in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (e.GetString("Unit") is { } unit && wanted.Contains(unit))
            {
                rows[unit] = e;
            }
        }

        return rows;
    }

    private static TableTransactionAction[] UnitWrite(string partition, string unitId, int shard, IReadOnlyList<ObligationMark> marks, ETag etag) =>
    [
        new(TableTransactionActionType.UpdateReplace, UnitEntity(partition, unitId, shard, marks), etag),
        new(TableTransactionActionType.UpsertMerge, new TableEntity(partition, ShardRow(shard)) { [TallyText.PropertyOf(unitId)] = TallyText.Tally(UnitTally.Of(marks)) }, ETag.All),
    ];

    private static TableEntity UnitEntity(string partition, string unitId, int shard, IReadOnlyList<ObligationMark> marks) => new(partition, UnitRow(unitId))
    {
        ["Unit"] = unitId,
        ["Shard"] = shard,
        ["Marks"] = TallyText.Marks(marks),
    };

    private void Remember(string key, KnownUnitRow? row)
    {
        if (row is null)
        {
            knownUnitRows.TryRemove(key, out _);
            return;
        }

        if (knownUnitRows.Count >= MaxKnownUnitRows)
        {
            knownUnitRows.Clear();
        }

        knownUnitRows[key] = row;
    }

    /// <summary>A unit's tally row as this process last wrote it.</summary>
    private sealed record KnownUnitRow(IReadOnlyList<ObligationMark> Marks, int Shard, ETag ETag);

    private static string TallyPartition(string cycleId) => TableKeys.Encode(cycleId);

    private static string UnitRow(string unitId) => UnitRows + TableKeys.Encode(unitId);

    private static string ShardRow(int shard) => $"{ShardRows}{shard:D5}";

    private Task<TableClient> TallyTable() => tables.GetAsync(TallyTableName);
}
