using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SixStability.DevHost.Azurite;
using SixStability.DevHost.Hosting;
using SixStability.Workflow.Ports;

namespace SixStability.Integration.Tests.Support;

/// <summary>
/// A real DevHost on a free loopback port, with its own tables in the shared Azurite. When it stops, it
/// checks that every action it served left exactly one audit row with its actor (<see cref="AuditWatch"/>).
/// </summary>
internal sealed partial class DevHostServer : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key";

    private readonly WebApplication app;
    private readonly AuditWatch audit;

    private DevHostServer(WebApplication app, Uri baseAddress, AuditWatch audit)
    {
        this.app = app;
        BaseAddress = baseAddress;
        this.audit = audit;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => app.Services;

    /// <param name="tablePrefix">Reuse one to restart a DevHost on the same data (and task hub).</param>
    /// <param name="mailFolder">Where the mail sink writes; a fresh temp folder by default.</param>
    /// <param name="settings">More configuration, over the test defaults (e.g. <c>Urls</c>, <c>Mail:Provider</c>).</param>
    /// <param name="services">Replaces services after the host's own (a durable engine that holds commands).</param>
    public static async Task<DevHostServer> StartAsync(string? tablePrefix = null, string? mailFolder = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
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

        var audit = new AuditWatch();
        WebApplication app = DevHostApp.Build([], configuration, collection =>
        {
            collection.AddSingleton<IStartupFilter>(audit);
            services?.Invoke(collection);
        });
        await app.StartAsync();
        await audit.StartAsync(app.Services.GetRequiredService<IAuditLog>());
        return new DevHostServer(app, new Uri(configuration["Urls"]!.Split(';')[0].Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)), audit);
    }

    /// <summary>The table prefix this host's storage lives under (every row and blob it owns starts with it).</summary>
    public string TablePrefix => app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Storage:TablePrefix"]!;

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

    /// <summary>Successful actions this host served so far (each must have one audit row).</summary>
    public int AuditedActions => audit.Actions;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await app.StopAsync();
            await audit.VerifyAsync(app.Services.GetRequiredService<IAuditLog>());
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
