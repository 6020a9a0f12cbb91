namespace SixStability.Integration.Tests.Support;

/// <summary>
/// Base of the tests that drive one real DevHost over HTTP: its own tables in the shared Azurite, its
/// own mail sink folder (removed at the end) and the coordinator's client.
/// </summary>
public abstract class DevHostApiTest : IAsyncLifetime
{
    private DevHostServer? server;
    private HttpClient? admin;

    /// <summary>Where this test's mail sink writes the .eml files.</summary>
    protected string MailFolder { get; } = Directory.CreateTempSubdirectory("sixstability-mail-").FullName;

    private protected DevHostServer Server => server ?? throw new InvalidOperationException("Not started.");

    /// <summary>False when the server never came up (a failed start must not be hidden by the clean-up).</summary>
    protected bool Started => admin is not null;

    /// <summary>The coordinator's client (admin key).</summary>
    protected HttpClient Admin => admin ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        server = await DevHostServer.StartAsync(mailFolder: MailFolder);
        admin = server.AdminClient();
        await ArrangeAsync();
    }

    public virtual async Task DisposeAsync()
    {
        admin?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        Directory.Delete(MailFolder, recursive: true);
    }

    /// <summary>What every test of the class starts from, once the server is up.</summary>
    protected virtual Task ArrangeAsync() => Task.CompletedTask;
}
