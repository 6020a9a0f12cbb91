using Azure.Core;
using Azure.Identity; // in Azure.Core since 1.5x; the Azure.Identity package would clash (CS0433)

namespace SixStability.Infrastructure.Storage;

/// <summary>The identity tables and blobs are reached with in Azure: the app's user-assigned identity, or the default chain.</summary>
internal static class StorageCredential
{
    public static TokenCredential For(StorageOptions options) =>
        string.IsNullOrEmpty(options.ClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ClientId));
}
