using Azure;
using SixStability.Core.Rules;

namespace SixStability.Infrastructure.Storage;

/// <summary>
/// Stores a JSON document of any size in a table as numbered versions: each version's text in chunks
/// under its own partition, one row describing it, and one pointer row switched to the newest. Readers
/// see the old document or the new one, never a mix; the pointer's ETag guards concurrent edits; every
/// version stays readable by its id, so a cycle keeps the plan and directory it opened with.
/// </summary>
internal sealed class TableDocumentStore(TableClient table)
{
    // A string property holds 64 KiB (32K UTF-16 chars); stay well under it.
    private const int ChunkChars = 30_000;
    private const int ChunksPerTransaction = 20;
    private const string PointerRow = "current";
    private const string VersionRows = "v|";

    public const string StaleMessage = "数据已被他人修改，请重新读取后再提交。";

    /// <summary>The newest version, or the one <paramref name="version"/> names; null when there is none.</summary>
    public async Task<StoredDocument?> GetAsync(string key, string? version, CancellationToken cancellationToken)
    {
        string pk = TableKeys.Encode(key);
        if (version is not null)
        {
            NullableResponse<TableEntity> described = await table.GetEntityIfExistsAsync<TableEntity>(pk, VersionRow(version), cancellationToken: cancellationToken).ConfigureAwait(false);
            return described.HasValue ? await ReadAsync(pk, described.Value!, described.Value!.ETag.ToString(), cancellationToken).ConfigureAwait(false) : null;
        }

        for (int attempt = 0; attempt < 3; attempt++)
        {
            NullableResponse<TableEntity> pointer = await table.GetEntityIfExistsAsync<TableEntity>(pk, PointerRow, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!pointer.HasValue)
            {
                return null;
            }

            if (await ReadAsync(pk, pointer.Value!, pointer.Value!.ETag.ToString(), cancellationToken).ConfigureAwait(false) is { } document)
            {
                return document;
            }

            // A writer replaced the version between our two reads; read the new one.
        }

        throw new InvalidOperationException($"Document {key} kept changing while being read.");
    }

    /// <summary>Stores a new version; a stale <paramref name="ifMatch"/> (or a writer that won a race) is a conflict, and the current version stays.</summary>
    public async Task<Outcome<StoredVersion>> PutAsync(string key, string json, string? ifMatch, DateTimeOffset at, CancellationToken cancellationToken)
    {
        string pk = TableKeys.Encode(key);
        NullableResponse<TableEntity> current = await table.GetEntityIfExistsAsync<TableEntity>(pk, PointerRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (ifMatch is not null && (!current.HasValue || current.Value!.ETag.ToString() != ifMatch))
        {
            return Outcome.Conflict<StoredVersion>(StaleMessage);
        }

        string version = Guid.NewGuid().ToString("N");
        int number = (current.HasValue ? current.Value!.GetInt32("Number") ?? 1 : 0) + 1;
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

        // The version's description and the pointer switch together: a version is either current and described, or invisible.
        var description = new TableEntity(pk, VersionRow(version)) { ["Version"] = version, ["Chunks"] = count, ["Number"] = number, ["StoredAt"] = at };
        var pointer = new TableEntity(pk, PointerRow) { ["Version"] = version, ["Chunks"] = count, ["Number"] = number, ["StoredAt"] = at };
        try
        {
            Response<IReadOnlyList<Response>> committed = await table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Add, description),
                    current.HasValue ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, pointer, current.Value!.ETag) : new TableTransactionAction(TableTransactionActionType.Add, pointer),
                ],
                cancellationToken).ConfigureAwait(false);
            string etag = committed.Value[1].Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table service returned no ETag.");
            return Outcome.Ok(new StoredVersion(version, number, at, etag));
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
        {
            await DeleteChunksAsync(versionPk, count, CancellationToken.None).ConfigureAwait(false);
            return Outcome.Conflict<StoredVersion>(StaleMessage);
        }
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

    private async Task<StoredDocument?> ReadAsync(string pk, TableEntity described, string etag, CancellationToken cancellationToken)
    {
        string version = described.GetString("Version");
        int count = described.GetInt32("Chunks") ?? 0;
        var chunks = new List<string>(count);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {VersionPartition(pk, version)}");
        await foreach (TableEntity chunk in table.QueryAsync<TableEntity>(filter, select: ["Data"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            chunks.Add(chunk.GetString("Data"));
        }

        return chunks.Count == count
            ? new StoredDocument(string.Concat(chunks), new StoredVersion(version, described.GetInt32("Number") ?? 1, described.GetDateTimeOffset("StoredAt") ?? default, etag))
            : null;
    }

    private static string VersionPartition(string pk, string version) => $"{pk}@{version}";

    private static string VersionRow(string version) => VersionRows + version;

    private async Task DeleteChunksAsync(string versionPk, int count, CancellationToken cancellationToken)
    {
        // Best effort: an orphaned version nobody describes is invisible and costs only space.
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

/// <summary>A document's text and which version it is.</summary>
internal sealed record StoredDocument(string Json, StoredVersion Version);
