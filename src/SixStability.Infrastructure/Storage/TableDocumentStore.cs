using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SixStability.Core.Rules;

namespace SixStability.Infrastructure.Storage;

/// <summary>
/// Stores a JSON document of any size in a table: its text in chunks under a fresh version's
/// partition, then one pointer row switched to that version. Readers see the old document or the
/// new one, never a mix; the pointer's ETag guards concurrent edits.
/// </summary>
internal sealed class TableDocumentStore(TableClient table)
{
    // A string property holds 64 KiB (32K UTF-16 chars); stay well under it.
    private const int ChunkChars = 30_000;
    private const int ChunksPerTransaction = 20;
    private const string PointerRow = "current";

    public const string StaleMessage = "数据已被他人修改，请重新读取后再提交。";

    public async Task<(string Json, string ETag)?> GetAsync(string key, CancellationToken cancellationToken)
    {
        string pk = TableKeys.Encode(key);
        for (int attempt = 0; attempt < 3; attempt++)
        {
            NullableResponse<TableEntity> pointer = await table.GetEntityIfExistsAsync<TableEntity>(pk, PointerRow, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!pointer.HasValue)
            {
                return null;
            }

            string version = pointer.Value!.GetString("Version");
            int count = pointer.Value.GetInt32("Chunks") ?? 0;
            var chunks = new List<string>(count);
            string filter = TableClient.CreateQueryFilter($"PartitionKey eq {VersionPartition(pk, version)}");
            await foreach (TableEntity chunk in table.QueryAsync<TableEntity>(filter, select: ["Data"], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                chunks.Add(chunk.GetString("Data"));
            }

            if (chunks.Count == count)
            {
                return (string.Concat(chunks), pointer.Value.ETag.ToString());
            }

            // A writer replaced the version between our two reads; read the new one.
        }

        throw new InvalidOperationException($"Document {key} kept changing while being read.");
    }

    /// <summary>Stores the document; a stale <paramref name="ifMatch"/> (or a writer that won a race) is a conflict, and nothing changes.</summary>
    public async Task<Outcome<string>> PutAsync(string key, string json, string? ifMatch, CancellationToken cancellationToken)
    {
        string pk = TableKeys.Encode(key);
        NullableResponse<TableEntity> current = await table.GetEntityIfExistsAsync<TableEntity>(pk, PointerRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (ifMatch is not null && (!current.HasValue || current.Value!.ETag.ToString() != ifMatch))
        {
            return Outcome.Conflict<string>(StaleMessage);
        }

        string version = Guid.NewGuid().ToString("N");
        string versionPk = VersionPartition(pk, version);
        int count = (json.Length + ChunkChars - 1) / ChunkChars;
        for (int first = 0; first < count; first += ChunksPerTransaction)
        {
            var batch = new List<TableTransactionAction>();
            for (int i = first; i < Math.Min(count, first + ChunksPerTransaction); i++)
            {
                string data = json.Substring(i * ChunkChars, Math.Min(ChunkChars, json.Length - (i * ChunkChars)));
                batch.Add(new(TableTransactionActionType.UpsertReplace, new TableEntity(versionPk, i.ToString("D5", CultureInfo.InvariantCulture)) { ["Data"] = data }));
            }

            await table.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        var pointer = new TableEntity(pk, PointerRow) { ["Version"] = version, ["Chunks"] = count };
        Response response;
        try
        {
            response = current.HasValue
                ? await table.UpdateEntityAsync(pointer, current.Value!.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false)
                : await table.AddEntityAsync(pointer, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            await DeleteVersionAsync(versionPk, count, CancellationToken.None).ConfigureAwait(false);
            return Outcome.Conflict<string>(StaleMessage);
        }

        if (current.HasValue)
        {
            string old = current.Value!.GetString("Version");
            await DeleteVersionAsync(VersionPartition(pk, old), current.Value.GetInt32("Chunks") ?? 0, CancellationToken.None).ConfigureAwait(false);
        }

        return Outcome.Ok<string>(response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table service returned no ETag."));
    }

    /// <summary>The keys of all documents in this table.</summary>
    public async Task<IReadOnlyList<string>> KeysAsync(CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        string filter = TableClient.CreateQueryFilter($"RowKey eq {PointerRow}");
        await foreach (TableEntity e in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            keys.Add(e.PartitionKey);
        }

        return keys;
    }

    private static string VersionPartition(string pk, string version) => $"{pk}@{version}";

    private async Task DeleteVersionAsync(string versionPk, int count, CancellationToken cancellationToken)
    {
        // Best effort: an orphaned old version is invisible (no pointer names it) and costs only space.
        for (int first = 0; first < count; first += 100)
        {
            var batch = Enumerable.Range(first, Math.Min(100, count - first))
                .Select(i => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(versionPk, i.ToString("D5", CultureInfo.InvariantCulture)), ETag.All))
                .ToList();
            try
            {
                await table.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException)
            {
                // TableTransactionFailedException included; see above.
            }
        }
    }
}
