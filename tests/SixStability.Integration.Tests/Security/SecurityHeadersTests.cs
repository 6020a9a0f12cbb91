using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SixStability.Integration.Tests.Support;
using SixStability.Workflow.Http;

namespace SixStability.Integration.Tests.Security;

/// <summary>
/// Issue 13, item 8: every answer — each route of the table, DevHost's mail pages, its 404s and redirects —
/// carries a strict Content-Security-Policy, nosniff, no framing, no referrer, and no caching of what it shows.
/// </summary>
public sealed class SecurityHeadersTests : DemoCycleApiTest
{
    /// <summary>The summary's HTML and a mail in the sink are documents made for mail: inline styles (only).</summary>
    private static readonly Dictionary<string, string> MailDocument = new(StringComparer.Ordinal) { ["style-src"] = "'self' 'unsafe-inline'" };

    [Fact]
    public async Task Every_route_of_the_table_answers_with_the_security_headers()
    {
        using HttpClient client = Server.Client(allowRedirects: false);
        string token = Server.UnitToken("rsj");
        var checkedRoutes = new List<string>();

        foreach (ApiRoute route in Routes.All)
        {
            // Writes go to a cycle that does not exist (the answer is a refusal, which must carry the headers too).
            bool write = route.Method != "GET";
            string path = "/" + route.Template
                .Replace("{cycleId}", write ? "jingdezhen-2020Q4" : CycleId, StringComparison.Ordinal)
                .Replace("{unitId}", "rsj", StringComparison.Ordinal).Replace("{task}", "3", StringComparison.Ordinal)
                .Replace("{id}", Guid.NewGuid().ToString("N"), StringComparison.Ordinal).Replace("{planId}", "jingdezhen", StringComparison.Ordinal)
                .Replace("{name}", "site.css", StringComparison.Ordinal);
            string query = route.Access switch
            {
                RouteAccess.Coordinator => "?code=" + DevHostServer.AdminKey,
                RouteAccess.Unit => "?t=" + Uri.EscapeDataString(token),
                _ => string.Empty,
            };
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), path + query);
            if (write)
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            using HttpResponseMessage response = await client.SendAsync(request);

            bool asset = route.Name == "GetAsset";
            ShouldCarryTheHeaders(response, route.Name, cache: asset ? "public, max-age=3600" : "no-store", policy: route.Name == "GetCycleSummary" ? MailDocument : null);
            checkedRoutes.Add($"{route.Name} {(int)response.StatusCode}");
        }

        checkedRoutes.Should().HaveCount(Routes.All.Count);
        checkedRoutes.Should().Contain(["GetUnitPage 200", "CoordinatorPage 200", "GetMyObligations 200", "GetCycleSummary 200"]);
    }

    [Fact]
    public async Task The_summary_HTML_may_use_inline_styles_but_no_script_and_a_401_carries_the_headers_too()
    {
        using HttpClient client = Server.Client();

        using HttpResponseMessage summary = await Admin.GetAsync($"/api/cycles/{CycleId}/summary?format=html");
        using HttpResponseMessage docx = await Admin.GetAsync($"/api/cycles/{CycleId}/summary?format=docx");
        using HttpResponseMessage denied = await client.GetAsync($"/api/cycles/{CycleId}");

        summary.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        ShouldCarryTheHeaders(summary, "summary html", policy: MailDocument);
        ShouldCarryTheHeaders(docx, "summary docx");
        docx.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        denied.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        ShouldCarryTheHeaders(denied, "401 without the admin key");
    }

    [Fact]
    public async Task DevHosts_own_answers_carry_them_the_mail_sink_included()
    {
        using HttpClient client = Server.Client(allowRedirects: false);
        string mail = await FirstMailAsync();

        using HttpResponseMessage index = await client.GetAsync("/dev/mail");
        using HttpResponseMessage one = await client.GetAsync($"/dev/mail/{Uri.EscapeDataString(mail)}");
        using HttpResponseMessage missing = await client.GetAsync("/dev/mail/none.eml");
        using HttpResponseMessage unknown = await client.GetAsync("/no/such/page");
        using HttpResponseMessage wrongMethod = await client.PutAsync("/coord", null);
        using HttpResponseMessage redirect = await client.GetAsync("/admin?code=x");

        index.StatusCode.Should().Be(HttpStatusCode.OK);
        ShouldCarryTheHeaders(index, "/dev/mail");
        one.StatusCode.Should().Be(HttpStatusCode.OK);
        ShouldCarryTheHeaders(one, "/dev/mail/{name}", policy: MailDocument);
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        ShouldCarryTheHeaders(missing, "/dev/mail/none.eml");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        ShouldCarryTheHeaders(unknown, "an unknown path");
        wrongMethod.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        ShouldCarryTheHeaders(wrongMethod, "a wrong method");
        redirect.StatusCode.Should().Be(HttpStatusCode.PermanentRedirect);
        ShouldCarryTheHeaders(redirect, "/admin");
    }

    private static void ShouldCarryTheHeaders(HttpResponseMessage response, string what, string cache = "no-store", Dictionary<string, string>? policy = null)
    {
        string Header(string name) =>
            response.Headers.TryGetValues(name, out IEnumerable<string>? values) ? string.Join(", ", values)
            : response.Content.Headers.NonValidated.TryGetValues(name, out HeaderStringValues content) ? content.ToString() : string.Empty;

        Dictionary<string, string> csp = Header("Content-Security-Policy").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2)).ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : string.Empty, StringComparer.Ordinal);
        var expected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["default-src"] = "'self'",
            ["script-src"] = "'self'",
            ["style-src"] = "'self'",
            ["object-src"] = "'none'",
            ["base-uri"] = "'none'",
            ["form-action"] = "'self'",
            ["frame-ancestors"] = "'none'",
        };
        foreach ((string directive, string value) in policy ?? [])
        {
            expected[directive] = value;
        }

        foreach ((string directive, string value) in expected)
        {
            csp.GetValueOrDefault(directive).Should().Be(value, $"{what}: Content-Security-Policy {directive}");
        }

        Header("X-Content-Type-Options").Should().Be("nosniff", what);
        Header("X-Frame-Options").Should().Be("DENY", what);
        Header("Referrer-Policy").Should().Be("no-referrer", what);
        Header("Cache-Control").Should().Be(cache, what);
    }

    private async Task<string> FirstMailAsync()
    {
        for (int i = 0; i < 300; i++)
        {
            if (Directory.GetFiles(MailFolder, "*.eml").FirstOrDefault() is { } file)
            {
                return Path.GetFileName(file);
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("No mail reached the sink.");
    }
}
