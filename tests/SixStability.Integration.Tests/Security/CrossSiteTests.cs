using System.Net;
using System.Text;
using System.Text.Json;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Security;

/// <summary>
/// Issue 13, item 8: a form post (or any write) that the browser marks as coming from another site is
/// refused with 403 before anything is read or stored; the unit's own page, and clients that send no
/// such headers (curl, scripts, old office browsers), are served as before.
/// </summary>
public sealed class CrossSiteTests : DemoCycleApiTest
{
    public static TheoryData<string, string> CrossSite() => new()
    {
        { "Origin", "https://evil.example" },
        { "Origin", "null" },
        { "Origin", "http://127.0.0.1:1" },
        { "Sec-Fetch-Site", "cross-site" },
        { "Sec-Fetch-Site", "same-site" },
    };

    [Theory]
    [MemberData(nameof(CrossSite))]
    public async Task A_cross_site_post_of_the_unit_form_is_refused_with_a_page_and_stores_nothing(string header, string value)
    {
        using HttpClient browser = Server.Client(allowRedirects: false);
        int before = await HistoryCountAsync();

        using HttpResponseMessage refused = await PostDraftAsync(browser, (header, value));

        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await refused.Content.ReadAsStringAsync()).Should().Contain("已拒绝来自其他网站的提交");
        (await HistoryCountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task The_units_own_page_and_a_client_without_those_headers_still_post()
    {
        using HttpClient browser = Server.Client(allowRedirects: false);
        string self = Server.BaseAddress.GetLeftPart(UriPartial.Authority);

        using HttpResponseMessage sameOrigin = await PostDraftAsync(browser, ("Sec-Fetch-Site", "same-origin"), ("Origin", self));
        using HttpResponseMessage originOnly = await PostDraftAsync(browser, ("Origin", self));
        using HttpResponseMessage typed = await PostDraftAsync(browser, ("Sec-Fetch-Site", "none"));
        using HttpResponseMessage plain = await PostDraftAsync(browser);

        new[] { sameOrigin, originOnly, typed, plain }.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.SeeOther);
        (await HistoryCountAsync()).Should().Be(4);
    }

    [Fact]
    public async Task A_cross_site_write_to_the_API_is_refused_too()
    {
        using HttpClient rsj = Server.UnitClient("rsj");
        using var submission = new HttpRequestMessage(HttpMethod.Post, "/api/me/obligations/3/submission")
        {
            Content = new StringContent("""{ "narrative": "x", "status": "按进度推进" }""", Encoding.UTF8, "application/json"),
        };
        submission.Headers.Add("Sec-Fetch-Site", "cross-site");
        using var close = new HttpRequestMessage(HttpMethod.Post, $"/api/cycles/{CycleId}/close");
        close.Headers.Add("Origin", "https://evil.example");

        using HttpResponseMessage refusedSubmission = await rsj.SendAsync(submission);
        using HttpResponseMessage refusedClose = await Admin.SendAsync(close);

        await refusedSubmission.ShouldBeProblemAsync(403);
        await refusedClose.ShouldBeProblemAsync(403);
        (await HistoryCountAsync()).Should().Be(0);
        (await (await Admin.GetAsync($"/api/cycles/{CycleId}")).JsonAsync()).GetProperty("status").GetString().Should().Be("open");
    }

    private async Task<HttpResponseMessage> PostDraftAsync(HttpClient browser, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/u?t={Uri.EscapeDataString(Server.UnitToken("rsj"))}")
        {
            Content = new FormUrlEncodedContent([new("action", "draft"), new("task", "3"), new("narrative", "草稿")]),
        };
        foreach ((string name, string value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using (request)
        {
            return await browser.SendAsync(request);
        }
    }

    private async Task<int> HistoryCountAsync()
    {
        using HttpClient rsj = Server.UnitClient("rsj");
        JsonElement history = await (await rsj.GetAsync("/api/me/obligations/3/history")).JsonAsync();
        return history.GetArrayLength();
    }
}
