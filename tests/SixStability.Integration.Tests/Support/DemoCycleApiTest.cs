namespace SixStability.Integration.Tests.Support;

/// <summary>
/// Base of the API tests that need a unit in an open cycle: a DevHost with the samples loaded and a
/// demo cycle for 2020Q3 open (its first step an hour away), cancelled at the end.
/// </summary>
public abstract class DemoCycleApiTest : IAsyncLifetime
{
    protected const string CycleId = DevHostServer.DemoCycleId;

    private readonly string? mailFolder;
    private DevHostServer? server;
    private HttpClient? admin;

    /// <param name="mailFolder">Where the mail sink writes, for tests that read the mail; a temp folder otherwise.</param>
    protected DemoCycleApiTest(string? mailFolder = null) => this.mailFolder = mailFolder;

    private protected DevHostServer Server => server ?? throw new InvalidOperationException("Not started.");

    /// <summary>The coordinator's client (admin key).</summary>
    protected HttpClient Admin => admin ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        server = await DevHostServer.StartAsync(mailFolder: mailFolder);
        admin = server.AdminClient();
        await server.StartDemoCycleAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (admin is not null)
        {
            await admin.PostAsync($"/api/cycles/{CycleId}/cancel", null);
            admin.Dispose();
        }

        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
