using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SixStability.Infrastructure.Storage;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Security;

/// <summary>What the security tests reach past HTTP for: the host's own signing key (to forge genuine tokens) and its blobs.</summary>
internal static class SecurityTestSupport
{
    /// <summary>A token with a genuine MAC (the host's own key) over any payload: what a buggy or older signer could have issued.</summary>
    public static string Forge(this DevHostServer server, string json)
    {
        byte[] key = Encoding.UTF8.GetBytes(server.Services.GetRequiredService<IConfiguration>()["Links:SigningKey"]!);
        string payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
        return payload + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(payload)));
    }

    /// <summary>One of the host's blob containers (attachments, history), under its storage prefix.</summary>
    public static async Task<BlobContainerClient> ContainerAsync(this DevHostServer server, string name)
    {
        string prefix = server.Services.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix.ToLowerInvariant();
        BlobContainerClient container = new BlobServiceClient(await SharedAzurite.ConnectionStringAsync()).GetBlobContainerClient(prefix + name);
        await container.CreateIfNotExistsAsync();
        return container;
    }

    public static async Task<List<string>> NamesAsync(this BlobContainerClient container, string prefix = "")
    {
        var names = new List<string>();
        await foreach (BlobItem blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, CancellationToken.None))
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
