using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SixStability.DevHost.Azurite;
using SixStability.DevHost.Durable;
using SixStability.DevHost.Hosting;
using SixStability.Workflow.Ports;

namespace SixStability.Integration.Tests.Security.Fuzz;

/// <summary>
/// A real DevHost for the fuzzer: its own tables and blobs in the given storage, the samples loaded through
/// the API, a demo cycle for 2020Q3 open (its first step an hour away), then the durable engine holding
/// (<see cref="HoldingCycleClient"/>). Shared by the CI test and the bench (linked into it).
/// </summary>
internal sealed class FuzzTarget : IAsyncDisposable
{
    public const string AdminKey = "fuzz-admin-key";

    public const string CycleId = "jingdezhen-2020Q3";

    private readonly WebApplication app;

    private FuzzTarget(WebApplication app, Uri baseAddress, string prefix, string storage, string mailFolder)
    {
        this.app = app;
        BaseAddress = baseAddress;
        Prefix = prefix;
        Storage = storage;
        MailFolder = mailFolder;
    }

    public Uri BaseAddress { get; }

    public string Prefix { get; }

    public string Storage { get; }

    public string MailFolder { get; }

    public IServiceProvider Services => app.Services;

    public HoldingCycleClient Engine => Services.GetRequiredService<HoldingCycleClient>();

    /// <summary>The HMAC key the host signs links with (a fuzz case forges genuine tokens with odd payloads).</summary>
    public byte[] SigningKey => Encoding.UTF8.GetBytes(Services.GetRequiredService<IConfiguration>()["Links:SigningKey"] ?? string.Empty);

    /// <summary>Each unit of the open cycle with its task numbers.</summary>
    public IReadOnlyDictionary<string, int[]> Units { get; private set; } = new Dictionary<string, int[]>();

    /// <summary>The cycle's due day (the demo's compressed calendar), from which plausible dates are chosen.</summary>
    public DateOnly Due { get; private set; }

    public static async Task<FuzzTarget> StartAsync(string storageConnectionString)
    {
        string prefix = "fz" + Guid.NewGuid().ToString("N")[..10];
        string address = $"http://127.0.0.1:{LoopbackPorts.Free()}";
        string mail = Directory.CreateTempSubdirectory("sixstability-fuzz-mail-").FullName;
        WebApplication app = DevHostApp.Build([], new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storageConnectionString,
            ["Storage:TablePrefix"] = prefix,
            ["Mail:SinkPath"] = mail,
            ["Admin:Key"] = AdminKey,
            ["Urls"] = address,
            ["Links:BaseUrl"] = address,
            ["Logging:LogLevel:Default"] = "Warning",

            // A 500 is logged with its error id by RouteInvoker (Error); Kestrel's notes on bad requests are not news here.
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Error",
        }, services =>
        {
            services.AddSingleton(sp => new HoldingCycleClient(sp.GetRequiredService<EmbeddedDurableEngine>()));
            services.AddSingleton<ICycleClient>(sp => sp.GetRequiredService<HoldingCycleClient>());
        });
        await app.StartAsync();
        var target = new FuzzTarget(app, new Uri(address), prefix, storageConnectionString, mail);
        await target.OpenCycleAsync();
        target.Engine.Holding = true;
        await target.SettleAsync();
        return target;
    }

#pragma warning disable CA2000 // The client owns its handler.
    /// <summary>
    /// A client with no credentials and no redirects followed (each case sets its own), that sends header
    /// values as UTF-8 bytes as a hostile client can (HttpClient refuses non-ASCII values by default).
    /// </summary>
    public HttpClient Client() => new(
        new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8 },
        disposeHandler: true)
    { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
#pragma warning restore CA2000

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Directory.Delete(MailFolder, recursive: true);
    }

    private async Task OpenCycleAsync()
    {
        using HttpClient admin = Client();
        admin.DefaultRequestHeaders.Add("x-functions-key", AdminKey);
        string samples = Path.Combine(AppContext.BaseDirectory, "samples");
        using (var directory = new StringContent(await File.ReadAllTextAsync(Path.Combine(samples, "directory.json")), Encoding.UTF8, "application/json"))
        {
            (await admin.PutAsync("/api/directory", directory)).EnsureSuccessStatusCode();
        }

        using (var plan = new StringContent(await File.ReadAllTextAsync(Path.Combine(samples, "jingdezhen.txt")), Encoding.UTF8, "text/plain"))
        {
            (await admin.PutAsync("/api/plans/jingdezhen", plan)).EnsureSuccessStatusCode();
        }

        using (var start = new StringContent("""{ "planId": "jingdezhen", "quarter": "2020Q3", "policy": { "kind": "demo", "secondsPerDay": 3600 } }""", Encoding.UTF8, "application/json"))
        {
            (await admin.PostAsync("/api/cycles", start)).EnsureSuccessStatusCode();
        }

        for (int i = 0; i < 600; i++)
        {
            using HttpResponseMessage get = await admin.GetAsync($"/api/cycles/{CycleId}");
            using JsonDocument view = JsonDocument.Parse(await get.Content.ReadAsStringAsync());
            if (view.RootElement.TryGetProperty("units", out JsonElement units) && units.GetArrayLength() > 0)
            {
                Due = units.EnumerateArray().Min(u => DateOnly.Parse(u.GetProperty("due").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
                Units = units.EnumerateArray().ToDictionary(
                    u => u.GetProperty("unitId").GetString()!,
                    u => u.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("task").GetInt32()).ToArray(),
                    StringComparer.Ordinal);
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The fuzz target's demo cycle did not open.");
    }

    /// <summary>
    /// Waits until the opening step has finished writing (its mails marked sent in the outbox): from here
    /// on, only the fuzz cases write, so a change after a refused case is that case's.
    /// </summary>
    private async Task SettleAsync()
    {
        var storage = new StorageSnapshot(Storage, Prefix);
        IReadOnlyDictionary<string, string> last = await storage.TakeAsync();
        for (int quiet = 0, i = 0; quiet < 3; i++)
        {
            if (i > 120)
            {
                throw new TimeoutException("The fuzz target's storage did not settle after the cycle opened.");
            }

            await Task.Delay(500);
            IReadOnlyDictionary<string, string> now = await storage.TakeAsync();
            quiet = StorageSnapshot.Changes(last, now).Count == 0 ? quiet + 1 : 0;
            last = now;
        }
    }

    /// <summary>A genuine link for a unit, as its mail carries it.</summary>
    public string UnitToken(string unitId, string cycleId = CycleId, int days = 30)
    {
        Uri link = Services.GetRequiredService<ILinkSigner>().UnitLink(unitId, cycleId, DateTimeOffset.UtcNow.AddDays(days));
        return Uri.UnescapeDataString(link.Query[3..]);
    }

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);
}
