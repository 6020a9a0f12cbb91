using System.Text;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Api;

public sealed class AdminKeyTests : IAsyncLifetime
{
    private DevHostServer server = null!;

    public async Task InitializeAsync() => server = await DevHostServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData("TEST-ADMIN-KEY")]
    public async Task Coordinator_routes_without_the_admin_key_are_401_and_store_nothing(string? key)
    {
        using HttpClient client = server.Client();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("x-functions-key", key);
        }

        using var body = new StringContent(Samples.Read("directory.json"), Encoding.UTF8, "application/json");
        await (await client.PutAsync("/api/directory", body)).ShouldBeProblemAsync(401);
        await (await client.GetAsync("/api/plans/jingdezhen")).ShouldBeProblemAsync(401);

        using HttpClient admin = server.AdminClient();
        await (await admin.GetAsync("/api/directory")).ShouldBeProblemAsync(404);
    }
}
