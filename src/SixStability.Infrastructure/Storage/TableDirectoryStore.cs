using SixStability.Core.Rules;
using SixStability.Core.Text;

namespace SixStability.Infrastructure.Storage;

/// <summary>The unit directory in table <c>directory</c>, as one versioned document.</summary>
public sealed class TableDirectoryStore(TableClients tables, TimeProvider clock) : IDirectoryStore
{
    private const string Key = "directory";

    public async Task<Versioned<UnitDirectory>?> GetAsync(string? version, CancellationToken cancellationToken)
    {
        TableDocumentStore store = await StoreAsync().ConfigureAwait(false);
        StoredDocument? doc = await store.GetAsync(Key, version, cancellationToken).ConfigureAwait(false);
        return doc is null ? null : new(JsonSerializer.Deserialize<UnitDirectory>(doc.Json, Json.Options)!, doc.Version);
    }

    public async Task<Outcome<StoredVersion>> PutAsync(UnitDirectory directory, string? ifMatch, CancellationToken cancellationToken)
    {
        TableDocumentStore store = await StoreAsync().ConfigureAwait(false);
        return await store.PutAsync(Key, JsonSerializer.Serialize(directory, Json.Options), ifMatch, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    private async Task<TableDocumentStore> StoreAsync() => new(await tables.GetAsync("directory").ConfigureAwait(false));
}
