using System.Collections.Concurrent;
using Azure;

namespace SixStability.Infrastructure.Cycles;

// Writing the tallies' rows: marks laid over units' rows (per task the newer revision wins), each unit row with its
// property in its shard, one transaction per 99 units of a shard, every existing row under its ETag. The rows this
// process wrote are remembered with their ETags, so the next write of a unit needs no read (a stale memory fails on
// its ETag and is read again).
public sealed partial class TableObligationStore
{
    // A unit's row is rewritten under its ETag; with changes of one unit taking turns per process, a retry is rare.
    private const int MaxTallyAttempts = 60;

    // Enough for a province's units; past it the memory starts again (each row is then read once more).
    private const int MaxKnownUnitRows = 50_000;

    private readonly ConcurrentDictionary<string, KnownUnitRow> knownUnitRows = new(StringComparer.Ordinal);

    /// <summary>
    /// Lays marks over their units' rows (per task the newer revision wins) and rewrites the units whose rows changed,
    /// with their tallies. A unit without a row gets one in a new shard when <paramref name="createMissing"/> (the opening,
    /// a recount, the seal); otherwise units without rows (a cycle without tallies) are left alone, for its first read to count whole.
    /// </summary>
    private async Task LayAsync(string cycleId, IReadOnlyDictionary<string, IReadOnlyList<ObligationMark>> incoming, bool createMissing, CancellationToken cancellationToken)
    {
        if (incoming.Count == 0)
        {
            return;
        }

        TableClient table = await TallyTable().ConfigureAwait(false);
        string partition = TallyPartition(cycleId);
        // Without createMissing only units that have rows are written, so a cycle without tallies stays without them and
        // needs no read of its meta row first (one round trip less for every step's range).
        // A cycle's first marks (its opening): adding the meta row with the shards they need succeeds only when it has no
        // tallies yet, and no unit row is written before its shard is counted there, so there is nothing to read.
        int? reserved = createMissing ? await AddFirstShardsAsync(table, partition, incoming.Count, cancellationToken).ConfigureAwait(false) : null;
        IReadOnlyDictionary<string, IReadOnlyList<ObligationMark>> pending = incoming;
        for (int attempt = 1; pending.Count > 0; attempt++)
        {
            IReadOnlyDictionary<string, KnownUnitRow> rows = reserved is not null
                ? new Dictionary<string, KnownUnitRow>(StringComparer.Ordinal)
                : await HeldRowsAsync(table, partition, [.. pending.Keys], trustMemory: !createMissing, cancellationToken).ConfigureAwait(false);
            var writes = new List<UnitRowWrite>();
            var fresh = new List<string>();
            foreach ((string unit, IReadOnlyList<ObligationMark> marks) in pending)
            {
                if (rows.TryGetValue(unit, out KnownUnitRow? row))
                {
                    IReadOnlyList<ObligationMark> merged = ObligationMark.Merge(row.Marks, marks);
                    if (!merged.SequenceEqual(row.Marks))
                    {
                        writes.Add(new(unit, row.Shard, merged, row.ETag));
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
                int first = reserved ?? await ReserveShardsAsync(table, partition, (fresh.Count + UnitsPerShard - 1) / UnitsPerShard, cancellationToken).ConfigureAwait(false);
                reserved = null;
                writes.AddRange(fresh.Select((unit, i) => new UnitRowWrite(unit, first + (i / UnitsPerShard), ObligationMark.Merge([], pending[unit]), null)));
            }

            IReadOnlyCollection<string> conflicted = await WriteUnitRowsAsync(table, partition, writes, cancellationToken).ConfigureAwait(false);
            pending = conflicted.ToDictionary(u => u, u => pending[u], StringComparer.Ordinal);
            if (pending.Count > 0 && attempt >= MaxTallyAttempts)
            {
                throw new InvalidOperationException($"Tallies of cycle {cycleId} kept changing while being written.");
            }
        }
    }

    /// <summary>The first shard (0) when this adds the cycle's meta row with the shards <paramref name="units"/> new units need; null when the cycle has tallies already.</summary>
    private static async Task<int?> AddFirstShardsAsync(TableClient table, string partition, int units, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(new TableEntity(partition, MetaRow) { ["Shards"] = (units + UnitsPerShard - 1) / UnitsPerShard }, cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
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

    /// <summary>
    /// The units' rows as they stand: when <paramref name="trustMemory"/>, a row as this process last wrote it stands for
    /// the stored one (marks only move forward, so what it wrote is never newer than what is stored: marks it already
    /// holds need no write, and a write from a stale memory fails on its ETag and is read again); the rest are read.
    /// An opening, a recount and the seal read every row, so a row missing from the table is created.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, KnownUnitRow>> HeldRowsAsync(TableClient table, string partition, IReadOnlyCollection<string> unitIds, bool trustMemory, CancellationToken cancellationToken)
    {
        var held = new Dictionary<string, KnownUnitRow>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (string unit in unitIds)
        {
            if (trustMemory && knownUnitRows.TryGetValue(KnownKey(partition, unit), out KnownUnitRow? known))
            {
                held[unit] = known;
            }
            else
            {
                unknown.Add(unit);
            }
        }

        if (unknown.Count > 0)
        {
            foreach ((string unit, TableEntity row) in await UnitRowsAsync(table, partition, unknown, cancellationToken).ConfigureAwait(false))
            {
                held[unit] = new KnownUnitRow(TallyText.Marks(row.GetString("Marks")), row.GetInt32("Shard") ?? 0, row.ETag);
            }
        }

        return held;
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

    /// <summary>
    /// Writes unit rows, each with its tally in its shard row, one transaction per 99 rows of a shard, in parallel. Returns
    /// the units whose transaction met a row changed since it was read (to be read again); the others are remembered.
    /// </summary>
    private async Task<IReadOnlyCollection<string>> WriteUnitRowsAsync(TableClient table, string partition, IReadOnlyList<UnitRowWrite> writes, CancellationToken cancellationToken)
    {
        var conflicted = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(
            writes.GroupBy(w => w.Shard).SelectMany(shard => shard.Chunk(99)),
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentPartitions, CancellationToken = cancellationToken },
            async (chunk, ct) =>
            {
                var shardRow = new TableEntity(partition, ShardRow(chunk[0].Shard));
                var actions = new List<TableTransactionAction>(chunk.Length + 1);
                foreach (UnitRowWrite write in chunk)
                {
                    TableEntity unitRow = UnitEntity(partition, write.Unit, write.Shard, write.Marks);
                    actions.Add(write.ETag is { } match ? new(TableTransactionActionType.UpdateReplace, unitRow, match) : new(TableTransactionActionType.Add, unitRow));
                    shardRow[TallyText.PropertyOf(write.Unit)] = TallyText.Tally(UnitTally.Of(write.Marks));
                }

                actions.Add(new(TableTransactionActionType.UpsertMerge, shardRow, ETag.All));
                try
                {
                    Response<IReadOnlyList<Response>> written = await table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
                    for (int i = 0; i < chunk.Length; i++)
                    {
                        Remember(KnownKey(partition, chunk[i].Unit), i < written.Value.Count && written.Value[i].Headers.ETag is { } etag ? new KnownUnitRow(chunk[i].Marks, chunk[i].Shard, etag) : null);
                    }
                }
                catch (TableTransactionFailedException ex) when (ex.Status is 404 or 409 or 412)
                {
                    // One of these rows was written meanwhile (by another instance, a step's mend, the seal), or is gone from
                    // under a remembered ETag: read those units again.
                    foreach (UnitRowWrite write in chunk)
                    {
                        conflicted.Add(write.Unit);
                        Remember(KnownKey(partition, write.Unit), null);
                    }
                }
            }).ConfigureAwait(false);
        return [.. conflicted.Distinct(StringComparer.Ordinal)];
    }

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

    /// <summary>One unit row to write, with the ETag it was read with (none: a new row).</summary>
    private sealed record UnitRowWrite(string Unit, int Shard, IReadOnlyList<ObligationMark> Marks, ETag? ETag);

    private static string KnownKey(string partition, string unitId) => partition + "|" + UnitRow(unitId);
}
