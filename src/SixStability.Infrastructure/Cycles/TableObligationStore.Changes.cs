using System.Security.Cryptography;
using Azure;
using SixStability.Core.Rules;

namespace SixStability.Infrastructure.Cycles;

// A change of one obligation: the row, its history row, the idempotency key and a submission's text in one
// transaction under the row's ETag; then its mark in the tallies.
public sealed partial class TableObligationStore
{
    // Enough for dozens of people saving the same task in the same second; past it the answer is 503 with Retry-After.
    private const int MaxAttempts = 40;

    /// <summary>The row each obligation <see cref="GetAsync"/> returned was read from, while that instance lives.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<Obligation, TableEntity> readRows = [];

    public const string BusyMessage = "同时修改的人较多，请稍后再试。";
    public const string ReusedKeyMessage = "该请求编号（Idempotency-Key）已用于另一份内容：请刷新页面后重新提交（API 调用请为每份新内容使用新的编号）。";

    public Task<Outcome<ChangeResult>> ChangeAsync(string cycleId, string unitId, int task, Func<Obligation, Outcome<Obligation>> change, HistoryEntry entry, Idempotency? idempotency, CancellationToken cancellationToken) =>
        ChangeAsync(cycleId, unitId, task, null, change, entry, idempotency, cancellationToken);

    /// <summary>
    /// From the row <see cref="GetAsync"/> read for <paramref name="asRead"/> (kept with that instance), so a save reads its row
    /// once: the commit is still under that row's ETag, so a row changed since (another edit, the seal) fails and is read again.
    /// </summary>
    public Task<Outcome<ChangeResult>> ChangeAsync(Obligation asRead, Func<Obligation, Outcome<Obligation>> change, HistoryEntry entry, Idempotency? idempotency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(asRead);
        return ChangeAsync(asRead.CycleId, asRead.UnitId, asRead.TaskNumber, readRows.TryGetValue(asRead, out TableEntity? row) ? row : null, change, entry, idempotency, cancellationToken);
    }

    private async Task<Outcome<ChangeResult>> ChangeAsync(string cycleId, string unitId, int task, TableEntity? asRead, Func<Obligation, Outcome<Obligation>> change, HistoryEntry entry, Idempotency? idempotency, CancellationToken cancellationToken)
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
            TableEntity? current = attempt == 1 && asRead is not null ? asRead : await ReadRowAsync(table, partition, Row(task), cancellationToken).ConfigureAwait(false);
            if (current is null)
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
                Obligation standing = ToObligation(current);
                await TallyChangeAsync(cycleId, unitId, ObligationMark.Of(standing)).ConfigureAwait(false);
                return new ChangeResult(standing, Replayed: true);
            }

            if (attempt > 1 && await ReplayAsync().ConfigureAwait(false) is { } replayed)
            {
                return replayed;
            }

            if (current.GetBoolean(SealedProperty) == true)
            {
                return !keyRead && await ReplayAsync().ConfigureAwait(false) is { } replayedAfterSeal ? replayedAfterSeal : Outcome.Closed<ChangeResult>(CycleMessages.Closed);
            }

            Obligation before = ToObligation(current);
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
                new(TableTransactionActionType.UpdateReplace, ToEntity(changed), current.ETag),
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

    private static async Task<TableEntity?> ReadRowAsync(TableClient table, string partition, string row, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> read = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
        return read.HasValue ? read.Value : null;
    }
}
