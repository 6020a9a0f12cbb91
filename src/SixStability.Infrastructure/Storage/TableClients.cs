using System.Collections.Concurrent;

namespace SixStability.Infrastructure.Storage;

/// <summary>One <see cref="TableServiceClient"/> per process; each table is created once, on first use.</summary>
public sealed class TableClients(IOptions<StorageOptions> options)
{
    private readonly TableServiceClient service = Create(options.Value);
    private readonly string prefix = options.Value.TablePrefix;
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> tables = new(StringComparer.Ordinal);

    public Task<TableClient> GetAsync(string name) =>
        tables.GetOrAdd(name, n => new Lazy<Task<TableClient>>(() => CreateAsync(n))).Value;

    /// <summary>Identity (Azure: service URI + managed identity) or a connection string (Azurite).</summary>
    private static TableServiceClient Create(StorageOptions options)
    {
        if (!string.IsNullOrEmpty(options.ConnectionString))
        {
            return new TableServiceClient(options.ConnectionString);
        }

        if (options.TableServiceUri is not null)
        {
            return new TableServiceClient(options.TableServiceUri, StorageCredential.For(options));
        }

        return new TableServiceClient("UseDevelopmentStorage=true");
    }

    private async Task<TableClient> CreateAsync(string name)
    {
        TableClient client = service.GetTableClient(prefix + name);
        try
        {
            await client.CreateIfNotExistsAsync().ConfigureAwait(false);
        }
        catch
        {
            tables.TryRemove(name, out _); // let the next call try again (storage may come up later)
            throw;
        }

        return client;
    }
}
