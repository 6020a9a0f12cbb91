namespace SixStability.Integration.Tests.Support;

/// <summary>
/// Base of the API tests that need a unit in an open cycle: a DevHost with the samples loaded and a
/// demo cycle for 2020Q3 open (its first step an hour away), cancelled at the end. Each test has its
/// own mail sink folder, removed at the end.
/// </summary>
public abstract class DemoCycleApiTest : IAsyncLifetime
{
    protected const string CycleId = DevHostServer.DemoCycleId;

    private DevHostServer? server;
    private HttpClient? admin;

    /// <summary>Where this test's mail sink writes the .eml files.</summary>
    protected string MailFolder { get; } = Directory.CreateTempSubdirectory("sixstability-mail-").FullName;

    private protected DevHostServer Server => server ?? throw new InvalidOperationException("Not started.");

    /// <summary>The coordinator's client (admin key).</summary>
    protected HttpClient Admin => admin ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        server = await DevHostServer.StartAsync(mailFolder: MailFolder);
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

        Directory.Delete(MailFolder, recursive: true);
    }
}
