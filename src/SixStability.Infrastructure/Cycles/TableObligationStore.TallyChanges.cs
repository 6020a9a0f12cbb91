using Azure;

namespace SixStability.Infrastructure.Cycles;

// The tally of each committed change, written inside the save before it answers (issue 18: a batched writer that wrote
// marks after the save answered lost marks under load, so each save writes its own).
public sealed partial class TableObligationStore
{
    private readonly KeyedGates gates = new();

    /// <summary>
    /// After a change commits: its mark goes over the unit's row (unless a newer one is there already) and the unit's
    /// tally into its shard, in one transaction under the row's ETag. Changes of one unit take turns in this process, and
    /// the row as this process last wrote it saves a read. The change stands whatever happens here: a tally left behind
    /// by a failing storage is mended by the next step over the unit's range, and made exact by the seal.
    /// </summary>
    private async Task TallyChangeAsync(string cycleId, string unitId, ObligationMark mark)
    {
        try
        {
            TableClient table = await TallyTable().ConfigureAwait(false);
            string partition = TallyPartition(cycleId);
            string key = KnownKey(partition, unitId);
            using IDisposable turn = await gates.EnterAsync(key).ConfigureAwait(false);
            for (int attempt = 1; attempt <= MaxTallyAttempts; attempt++)
            {
                // Its ETag still guards the write, so a row another writer changed since (another instance, a step's
                // mend, the seal) fails below and is read again.
                if (!knownUnitRows.TryGetValue(key, out KnownUnitRow? known))
                {
                    NullableResponse<TableEntity> current = await table.GetEntityIfExistsAsync<TableEntity>(partition, UnitRow(unitId)).ConfigureAwait(false);
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

                IReadOnlyCollection<string> conflicted = await WriteUnitRowsAsync(table, partition, [new UnitRowWrite(unitId, known.Shard, merged, known.ETag)], CancellationToken.None).ConfigureAwait(false);
                if (conflicted.Count == 0)
                {
                    return;
                }

                // Another writer changed this unit's row since it was read (it is forgotten): read it again.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(2, 12) * Math.Min(attempt, 8))).ConfigureAwait(false);
            }
        }
        catch (RequestFailedException)
        {
            // See above: the change is committed; the tally catches up at the next step or at the seal.
        }
    }
}
