namespace SixStability.Infrastructure.Storage;

public sealed class StorageOptions
{
    /// <summary><c>AzureWebJobsStorage</c>: a connection string (Azurite locally), the account the Functions host and Durable use too.</summary>
    public string? ConnectionString { get; set; }

    /// <summary><c>AzureWebJobsStorage:tableServiceUri</c>: identity-based access in Azure, no keys.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary><c>AzureWebJobsStorage:blobServiceUri</c>: attachments and summaries, by identity as the tables.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary><c>AzureWebJobsStorage:clientId</c>: the user-assigned identity to use with <see cref="TableServiceUri"/>.</summary>
    public string? ClientId { get; set; }

    /// <summary><c>Storage:TablePrefix</c>: lets parallel tests share one Azurite without sharing tables.</summary>
    public string TablePrefix { get; set; } = string.Empty;
}
