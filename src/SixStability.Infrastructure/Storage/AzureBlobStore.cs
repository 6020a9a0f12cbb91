using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace SixStability.Infrastructure.Storage;

/// <summary>Blob containers beside the tables, with the same prefix (tests share one Azurite) and the same identity.</summary>
public sealed class AzureBlobStore(IOptions<StorageOptions> options) : IBlobStore
{
    private readonly BlobServiceClient service = Create(options.Value);
    private readonly string prefix = options.Value.TablePrefix.ToLowerInvariant();
    private readonly ConcurrentDictionary<string, Lazy<Task<BlobContainerClient>>> containers = new(StringComparer.Ordinal);

    public async Task PutAsync(string container, string name, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        BlobContainerClient client = await ContainerAsync(container).ConfigureAwait(false);
        await client.GetBlobClient(name).UploadAsync(
            new BinaryData(content),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredBlob?> GetAsync(string container, string name, CancellationToken cancellationToken)
    {
        BlobContainerClient client = await ContainerAsync(container).ConfigureAwait(false);
        try
        {
            Response<BlobDownloadResult> blob = await client.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return new StoredBlob(blob.Value.Content.ToMemory(), blob.Value.Details.ContentType);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string container, string name, CancellationToken cancellationToken)
    {
        BlobContainerClient client = await ContainerAsync(container).ConfigureAwait(false);
        await client.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<string> ListAsync(string container, string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        BlobContainerClient client = await ContainerAsync(container).ConfigureAwait(false);
        await foreach (BlobItem blob in client.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken).ConfigureAwait(false))
        {
            yield return blob.Name;
        }
    }

    private static BlobServiceClient Create(StorageOptions options)
    {
        if (!string.IsNullOrEmpty(options.ConnectionString))
        {
            return new BlobServiceClient(options.ConnectionString);
        }

        if (options.BlobServiceUri is not null)
        {
            return new BlobServiceClient(options.BlobServiceUri, StorageCredential.For(options));
        }

        return new BlobServiceClient("UseDevelopmentStorage=true");
    }

    private Task<BlobContainerClient> ContainerAsync(string name) =>
        containers.GetOrAdd(name, n => new Lazy<Task<BlobContainerClient>>(async () =>
        {
            BlobContainerClient client = service.GetBlobContainerClient(prefix + n);
            try
            {
                await client.CreateIfNotExistsAsync().ConfigureAwait(false);
            }
            catch
            {
                containers.TryRemove(n, out _);
                throw;
            }

            return client;
        })).Value;
}
