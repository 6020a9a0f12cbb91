using Azure.Data.Tables;
using Azure.Data.Tables.Models;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace SixStability.Integration.Tests.Security.Fuzz;

/// <summary>
/// Every row and blob one DevHost's prefix owns, each with its ETag: two snapshots differ exactly when
/// something was written (added, changed or deleted). The durable engine's own task hub is not the
/// product's storage (its name starts "SixStability", not with the prefix) and is left out.
/// </summary>
internal sealed class StorageSnapshot(string connectionString, string prefix)
{
    private readonly TableServiceClient tables = new(connectionString);
    private readonly BlobServiceClient blobs = new(connectionString);

    public async Task<IReadOnlyDictionary<string, string>> TakeAsync()
    {
        var state = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (TableItem table in tables.QueryAsync(TableServiceClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "~"}")))
        {
            await foreach (TableEntity row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                state[$"table {table.Name} {row.PartitionKey} {row.RowKey}"] = row.ETag.ToString();
            }
        }

        await foreach (BlobContainerItem container in blobs.GetBlobContainersAsync(prefix: prefix.ToLowerInvariant()))
        {
            await foreach (BlobItem blob in blobs.GetBlobContainerClient(container.Name).GetBlobsAsync(new GetBlobsOptions()))
            {
                state[$"blob {container.Name} {blob.Name}"] = blob.Properties.ETag?.ToString() ?? string.Empty;
            }
        }

        return state;
    }

    /// <summary>What changed between two snapshots, one line each ("added …", "changed …", "removed …").</summary>
    public static IReadOnlyList<string> Changes(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<string>();
        foreach ((string key, string etag) in after)
        {
            if (!before.TryGetValue(key, out string? was))
            {
                changes.Add("added " + key);
            }
            else if (was != etag)
            {
                changes.Add("changed " + key);
            }
        }

        changes.AddRange(before.Keys.Where(k => !after.ContainsKey(k)).Select(k => "removed " + k));
        return changes;
    }
}
