namespace SixStability.DevHost.Azurite;

/// <summary>The local blob/queue/table ports a connection string points at, if it points at this machine.</summary>
internal sealed record StorageEndpoints(int BlobPort, int QueuePort, int TablePort)
{
    public static readonly StorageEndpoints Default = new(10000, 10001, 10002);

    public IEnumerable<int> Ports => [BlobPort, QueuePort, TablePort];

    /// <summary>An Azurite of one's own beside any other on this machine.</summary>
    public static StorageEndpoints OnFreePorts() => new(LoopbackPorts.Free(), LoopbackPorts.Free(), LoopbackPorts.Free());

    /// <summary>Null when the account is not a local emulator (a real Azure account is not ours to start).</summary>
    public static StorageEndpoints? FromConnectionString(string connectionString)
    {
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        if (parts.TryGetValue("UseDevelopmentStorage", out string? dev) && dev.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return Default;
        }

        int? Port(string key) =>
            parts.TryGetValue(key, out string? url) && Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && uri.IsLoopback ? uri.Port : null;

        return Port("BlobEndpoint") is int b && Port("QueueEndpoint") is int q && Port("TableEndpoint") is int t ? new(b, q, t) : null;
    }

    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";
}
