using System.Collections.Concurrent;

namespace SixStability.Infrastructure.Cycles;

/// <summary>
/// The tally of each committed change. Changes of one cycle hand their marks to one writer per process, which writes all
/// that are waiting together (per shard, one transaction for up to 99 units) while the next ones gather: fifty clerks
/// saving at once cost a few tally transactions, not fifty on one partition, and a save is answered once its own row is
/// committed. The tallies' readers in this process (<see cref="UnitsAsync"/>, <see cref="MarksAsync"/>) first wait for
/// the marks handed over before them, so a board read after a save shows it.
/// </summary>
public sealed partial class TableObligationStore
{
    private readonly ConcurrentDictionary<string, PendingMarks> pendingMarks = new(StringComparer.Ordinal);

    /// <summary>
    /// After a change commits: its mark goes over the unit's row (unless a newer one is there already) and the unit's
    /// tally into its shard, in one transaction under the row's ETag. The change stands whatever happens there: a tally
    /// left behind by a failing storage (or a process that stopped first) is mended by the next step over the unit's
    /// range, and made exact by the seal.
    /// </summary>
    private void TallyChange(string cycleId, string unitId, ObligationMark mark) => Hand(cycleId, (unitId, mark));

    /// <summary>Done when every mark of the cycle handed over before it is written (or its write failed).</summary>
    private Task MarksHandedOverAsync(string cycleId)
    {
        if (!pendingMarks.TryGetValue(cycleId, out PendingMarks? pending))
        {
            return Task.CompletedTask;
        }

        lock (pending)
        {
            if (!pending.Writing)
            {
                return Task.CompletedTask;
            }
        }

        return Hand(cycleId, null);
    }

    /// <summary>Queues a mark (or, with none, only a token answered after what is queued now) and starts the writer if idle.</summary>
    private Task Hand(string cycleId, (string Unit, ObligationMark Mark)? mark)
    {
        PendingMarks pending = pendingMarks.GetOrAdd(cycleId, _ => new PendingMarks());
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool startWriter;
        lock (pending)
        {
            pending.Waiting.Add((mark, written));
            startWriter = !pending.Writing;
            pending.Writing = true;
        }

        if (startWriter)
        {
            _ = Task.Run(() => WritePendingAsync(cycleId, pending));
        }

        return written.Task;
    }

    /// <summary>Writes what is waiting, again and again, until nothing is; every waiter is answered, whatever happened.</summary>
    private async Task WritePendingAsync(string cycleId, PendingMarks pending)
    {
        while (true)
        {
            List<((string Unit, ObligationMark Mark)? Mark, TaskCompletionSource Written)> batch;
            lock (pending)
            {
                if (pending.Waiting.Count == 0)
                {
                    pending.Writing = false;
                    return;
                }

                batch = pending.Waiting;
                pending.Waiting = [];
            }

            // A mark whose row could not be written (a storage error, or other writers holding the row past every
            // attempt) goes back in the queue with its waiter, rather than being dropped: the board's counts stay exact.
            var unwritten = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                Dictionary<string, IReadOnlyList<ObligationMark>> marks = batch.Where(w => w.Mark is not null).Select(w => w.Mark!.Value)
                    .GroupBy(m => m.Unit, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<ObligationMark>)[.. g.Select(m => m.Mark)], StringComparer.Ordinal);
                unwritten.UnionWith(await WriteMarksAsync(cycleId, marks).ConfigureAwait(false));
            }
#pragma warning disable CA1031 // Whatever fails here, the marks are queued again; the writer must live on, or saves would wait for ever.
            catch (Exception)
            {
                unwritten.UnionWith(batch.Where(w => w.Mark is not null).Select(w => w.Mark!.Value.Unit));
            }
#pragma warning restore CA1031

            bool requeue = unwritten.Count > 0 && ++pending.Requeues <= MaxRequeues;
            foreach (((string Unit, ObligationMark Mark)? mark, TaskCompletionSource written) in batch)
            {
                // A reader's token (no mark) waits with them: it asked for everything handed over before it.
                if (requeue && (mark is not { } m || unwritten.Contains(m.Unit)))
                {
                    lock (pending)
                    {
                        pending.Waiting.Add((mark, written));
                    }
                }
                else
                {
                    written.TrySetResult();
                }
            }

            if (requeue)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50)).ConfigureAwait(false);
            }
            else
            {
                pending.Requeues = 0;
            }
        }
    }

    /// <summary>
    /// Lays the marks over their units' rows as this process last wrote them (read when not known) and writes the rows
    /// that change; a row changed by another writer since fails on its ETag and is read again. A unit without a row (a
    /// cycle opened before tallies were kept) is left for the cycle's first read to count whole.
    /// </summary>
    private async Task<IReadOnlyCollection<string>> WriteMarksAsync(string cycleId, IReadOnlyDictionary<string, IReadOnlyList<ObligationMark>> incoming)
    {
        TableClient table = await TallyTable().ConfigureAwait(false);
        string partition = TallyPartition(cycleId);
        IReadOnlyDictionary<string, IReadOnlyList<ObligationMark>> pending = incoming;
        for (int attempt = 1; pending.Count > 0 && attempt <= MaxTallyAttempts; attempt++)
        {
            string[] unknown = [.. pending.Keys.Where(u => !knownUnitRows.ContainsKey(KnownKey(partition, u)))];
            if (unknown.Length > 0)
            {
                foreach ((string unit, TableEntity row) in await UnitRowsAsync(table, partition, unknown, CancellationToken.None).ConfigureAwait(false))
                {
                    Remember(KnownKey(partition, unit), new KnownUnitRow(TallyText.Marks(row.GetString("Marks")), row.GetInt32("Shard") ?? 0, row.ETag));
                }
            }

            var writes = new List<UnitRowWrite>();
            foreach ((string unit, IReadOnlyList<ObligationMark> marks) in pending)
            {
                if (knownUnitRows.TryGetValue(KnownKey(partition, unit), out KnownUnitRow? known))
                {
                    IReadOnlyList<ObligationMark> merged = ObligationMark.Merge(known.Marks, marks);
                    if (!merged.SequenceEqual(known.Marks))
                    {
                        writes.Add(new(unit, known.Shard, merged, known.ETag));
                    }
                }
            }

            IReadOnlyCollection<string> conflicted = await WriteUnitRowsAsync(table, partition, writes, CancellationToken.None).ConfigureAwait(false);
            pending = conflicted.ToDictionary(u => u, u => pending[u], StringComparer.Ordinal);
            if (pending.Count > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(2, 12) * Math.Min(attempt, 8))).ConfigureAwait(false);
            }
        }

        return [.. pending.Keys];
    }

    // How many batches in a row may put marks back before the writer gives up on them (the next step or the seal recounts).
    private const int MaxRequeues = 100;

    /// <summary>One cycle's marks waiting to be written, and whether a writer is at work (both under the object's lock).</summary>
    private sealed class PendingMarks
    {
        public List<((string Unit, ObligationMark Mark)? Mark, TaskCompletionSource Written)> Waiting { get; set; } = [];

        /// <summary>Batches in a row that left marks unwritten (only the writer touches it).</summary>
        public int Requeues { get; set; }

        public bool Writing { get; set; }
    }
}
