using Microsoft.AspNetCore.Builder;
using SixStability.DevHost.Azurite;
using SixStability.DevHost.Hosting;

namespace SixStability.Integration.Tests.Support;

/// <summary>A real DevHost on a free loopback port, with its own tables in the shared Azurite.</summary>
internal sealed partial class DevHostServer : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key";

    private readonly WebApplication app;

    private DevHostServer(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => app.Services;

    /// <param name="tablePrefix">Reuse one to restart a DevHost on the same data (and task hub).</param>
    /// <param name="mailFolder">Where the mail sink writes; a fresh temp folder by default.</param>
    /// <param name="settings">More configuration, over the test defaults (e.g. <c>Urls</c>, <c>Mail:Provider</c>).</param>
    public static async Task<DevHostServer> StartAsync(string? tablePrefix = null, string? mailFolder = null, IDictionary<string, string?>? settings = null)
    {
        string storage = await SharedAzurite.ConnectionStringAsync();

        // The port is chosen first so the links in mails point at this server, as Links:BaseUrl does in production.
        string address = $"http://127.0.0.1:{LoopbackPorts.Free()}";
        var configuration = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storage,
            ["Storage:TablePrefix"] = tablePrefix ?? NewPrefix(),
            ["Mail:SinkPath"] = mailFolder ?? Path.Combine(Path.GetTempPath(), "sixstability-mail-" + Guid.NewGuid().ToString("N")[..8]),
            ["Admin:Key"] = AdminKey,
            ["Urls"] = address,
            ["Links:BaseUrl"] = address,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach ((string key, string? value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        WebApplication app = DevHostApp.Build([], configuration);
        await app.StartAsync();
        return new DevHostServer(app, new Uri(configuration["Urls"]!.Split(';')[0].Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)));
    }

    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A client with the admin key, as the coordinator's scripts use.</summary>
    public HttpClient AdminClient()
    {
        HttpClient client = Client();
        client.DefaultRequestHeaders.Add("x-functions-key", AdminKey);
        return client;
    }

#pragma warning disable CA2000 // The client owns its handler.
    public HttpClient Client(bool allowRedirects = true) =>
        allowRedirects ? new() { BaseAddress = BaseAddress } : new(new HttpClientHandler { AllowAutoRedirect = false }, disposeHandler: true) { BaseAddress = BaseAddress };
#pragma warning restore CA2000

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
