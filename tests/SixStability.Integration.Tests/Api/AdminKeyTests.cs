using System.Net;
using System.Text;
using SixStability.Integration.Tests.Support;
using SixStability.Workflow.Http;

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

    [Fact]
    public async Task Every_route_asks_for_the_credential_its_access_names()
    {
        using HttpClient client = Server.Client(allowRedirects: false);
        foreach (ApiRoute route in Routes.All)
        {
            string path = "/" + string.Join('/', route.Template.Split('/').Select(s => s.StartsWith('{') ? Value(s) : s));
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
            if (route.Method is "POST" or "PUT")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            using HttpResponseMessage response = await client.SendAsync(request);

            if (route.Access == RouteAccess.Anyone)
            {
                response.StatusCode.Should().NotBe(HttpStatusCode.Unauthorized, route.Name);
            }
            else
            {
                response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, route.Name);
            }
        }
    }

    private static string Value(string parameter) => parameter switch
    {
        "{cycleId}" => "jingdezhen-2020Q3",
        "{task}" => "1",
        "{name}" => "site.css",
        _ => "x",
    };
}
