using System.Net;
using System.Text;
using SixStability.Integration.Tests.Support;
using SixStability.Workflow.Http;

namespace SixStability.Integration.Tests.Security;

/// <summary>
/// Issue 13, item 7: a validly signed token with an absurd expiry gave 500 (the expiry overflowed
/// DateTimeOffset after the MAC passed). Every route a link opens answers 401 to it, never 500.
/// </summary>
public sealed class LinkTokenTests : DemoCycleApiTest
{
    public static TheoryData<string> Absurd() =>
    [
        """{"U":"rsj","C":"jingdezhen-2020Q3","P":"unit","E":9223372036854775807}""",
        """{"U":"rsj","C":"jingdezhen-2020Q3","P":"unit","E":253402300800}""",
        """{"U":"rsj","C":"jingdezhen-2020Q3","P":"unit","E":-9223372036854775808}""",
        """{"U":"rsj","C":"jingdezhen-2020Q3","P":"unit","E":253402300799}""",
        """{"U":"rsj","C":"jingdezhen-2020Q3","P":"unit","E":1e30}""",
        """not json at all""",
    ];

    [Theory]
    [MemberData(nameof(Absurd))]
    public async Task A_genuinely_signed_token_with_an_absurd_expiry_or_payload_gets_401_from_every_route_it_opens(string payload)
    {
        string token = Server.Forge(payload);
        using HttpClient client = Server.Client(allowRedirects: false);
        var answers = new List<string>();

        foreach (ApiRoute route in Routes.All.Where(r => r.Access == RouteAccess.Unit))
        {
            string path = "/" + route.Template.Replace("{task}", "3", StringComparison.Ordinal).Replace("{id}", Guid.NewGuid().ToString("N"), StringComparison.Ordinal);
            foreach (bool inQuery in new[] { true, false })
            {
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), path + (inQuery ? "?t=" + Uri.EscapeDataString(token) : string.Empty));
                if (!inQuery)
                {
                    request.Headers.Authorization = new("Bearer", token);
                }

                if (route.Method is "POST" or "PUT")
                {
                    request.Content = new StringContent("""{ "narrative": "x", "status": "按进度推进" }""", Encoding.UTF8, "application/json");
                }

                using HttpResponseMessage response = await client.SendAsync(request);
                answers.Add($"{route.Name} {(inQuery ? "?t=" : "Bearer")} {(int)response.StatusCode}");
            }
        }

        answers.Should().OnlyContain(a => a.EndsWith(" 401", StringComparison.Ordinal), "a token the server cannot trust grants nothing and breaks nothing");
    }

    [Fact]
    public async Task The_unit_page_shows_its_clear_invalid_link_page_for_such_a_token()
    {
        string token = Server.Forge("""{"U":"rsj","C":"jingdezhen-2020Q3","P":"unit","E":9223372036854775807}""");
        using HttpClient browser = Server.Client();

        using HttpResponseMessage page = await browser.GetAsync($"/u?t={Uri.EscapeDataString(token)}");

        page.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await page.Content.ReadAsStringAsync()).Should().Contain("链接无效或已过期");
    }
}
