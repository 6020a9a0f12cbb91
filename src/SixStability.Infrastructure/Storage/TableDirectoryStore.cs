using System.Text.Json;
using SixStability.Core.Rules;
using SixStability.Core.Text;
using SixStability.Core.Units;
using SixStability.Workflow.Ports;

namespace SixStability.Infrastructure.Storage;

/// <summary>The unit directory in table <c>directory</c>, as one document.</summary>
public sealed class TableDirectoryStore(TableClients tables) : IDirectoryStore
{
    private const string Key = "directory";

    public async Task<Versioned<UnitDirectory>?> GetAsync(CancellationToken cancellationToken)
    {
        TableDocumentStore store = await StoreAsync().ConfigureAwait(false);
        (string Json, string ETag)? doc = await store.GetAsync(Key, cancellationToken).ConfigureAwait(false);
        return doc is null ? null : new(JsonSerializer.Deserialize<UnitDirectory>(doc.Value.Json, Json.Options)!, doc.Value.ETag);
    }

    public async Task<Outcome<string>> PutAsync(UnitDirectory directory, string? ifMatch, CancellationToken cancellationToken)
    {
        TableDocumentStore store = await StoreAsync().ConfigureAwait(false);
        return await store.PutAsync(Key, JsonSerializer.Serialize(directory, Json.Options), ifMatch, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TableDocumentStore> StoreAsync() => new(await tables.GetAsync("directory").ConfigureAwait(false));
}
