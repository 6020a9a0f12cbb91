namespace SixStability.Infrastructure.Storage;

public sealed class StorageOptions
{
    /// <summary><c>AzureWebJobsStorage</c>: the account the Functions host and Durable use too.</summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary><c>Storage:TablePrefix</c>: lets parallel tests share one Azurite without sharing tables.</summary>
    public string TablePrefix { get; set; } = string.Empty;
}
