using System.Text;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Api;

public sealed class AdminKeyTests : DevHostApiTest
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData("TEST-ADMIN-KEY")]
    public async Task Coordinator_routes_without_the_admin_key_are_401_and_store_nothing(string? key)
    {
        using HttpClient client = Server.Client();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("x-functions-key", key);
        }

        using var body = new StringContent(Samples.Read("directory.json"), Encoding.UTF8, "application/json");
        await (await client.PutAsync("/api/directory", body)).ShouldBeProblemAsync(401);
        await (await client.GetAsync("/api/plans/jingdezhen")).ShouldBeProblemAsync(401);

        using HttpClient admin = Server.AdminClient();
        await (await admin.GetAsync("/api/directory")).ShouldBeProblemAsync(404);
    }
}
