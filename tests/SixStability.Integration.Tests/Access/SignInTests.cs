using System.Net;
using System.Text;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Access;

/// <summary>DevHost's local sign-in, its session, the admin key for scripts, and what never counts as a sign-in.</summary>
public sealed class SignInTests : DevHostApiTest
{
    protected override Task ArrangeAsync() => Server.LoadSamplesAsync();

    [Fact]
    public async Task The_sign_in_page_lists_the_directorys_people_by_role_and_signing_in_returns_to_the_page_asked_for()
    {
        using HttpClient browser = Server.Client(allowRedirects: false);

        string page = await browser.GetStringAsync("/signin?returnUrl=%2Fcoord%3Fcycle%3Djingdezhen-2020Q3");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["person"] = DevHostServer.Leader, ["returnUrl"] = "/coord?cycle=jingdezhen-2020Q3" });
        using HttpResponseMessage signedIn = await browser.PostAsync("/signin", form);
        using var away = new FormUrlEncodedContent(new Dictionary<string, string> { ["person"] = DevHostServer.Leader, ["returnUrl"] = "//evil.example/" });
        using HttpResponseMessage elsewhere = await browser.PostAsync("/signin", away);
        using var nobody = new FormUrlEncodedContent(new Dictionary<string, string> { ["person"] = "leader-nobody" });
        using HttpResponseMessage unknown = await browser.PostAsync("/signin", nobody);

        page.Should().Contain("data-role=\"Coordinator\"").And.Contain("data-role=\"Supervision\"").And.Contain("data-role=\"Leader\"").And.Contain("data-role=\"Viewer\"");
        page.Should().Contain("市发改委（六稳六保工作专班）").And.Contain("市政府督查室").And.Contain("李华 副市长").And.Contain("市人民政府办公室");
        page.Should().Contain("value=\"/coord?cycle=jingdezhen-2020Q3\"");
        signedIn.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        signedIn.Headers.Location!.OriginalString.Should().Be("/coord?cycle=jingdezhen-2020Q3");
        string cookie = signedIn.Headers.GetValues("Set-Cookie").Single();
        cookie.Should().StartWith("sixstability-session=").And.Contain("HttpOnly").And.Contain("SameSite=Lax");
        elsewhere.Headers.Location!.OriginalString.Should().Be("/coord", "never back to another site");
        unknown.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_session_cookie_changed_by_hand_a_principal_header_or_a_key_in_the_address_is_nobody()
    {
        using HttpClient coordinator = await Server.SignedInClientAsync(DevHostServer.Coordinator);
        string real = (await SessionCookieAsync(DevHostServer.Viewer))!;
        string[] parts = real.Split('.');
        string promoted = Convert.ToBase64String(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Convert.FromBase64String(Pad(parts[0]))).Replace("\"Viewer\"", "\"Coordinator\"", StringComparison.Ordinal))).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "." + parts[1];
        using HttpClient forged = Server.Client(allowRedirects: false);
        forged.DefaultRequestHeaders.Add("Cookie", "sixstability-session=" + promoted);
        using HttpClient header = Server.Client(allowRedirects: false);
        header.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"auth_typ":"aad","claims":[{"typ":"oid","val":"x"},{"typ":"roles","val":"Coordinator"}]}""")));

        (await coordinator.GetAsync("/api/directory")).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await forged.GetAsync("/api/directory")).ShouldBeProblemAsync(401);
        await (await header.GetAsync("/api/directory")).ShouldBeProblemAsync(401);
        await (await Server.Client(allowRedirects: false).GetAsync($"/api/directory?code={DevHostServer.AdminKey}")).ShouldBeProblemAsync(401);
    }

    [Fact]
    public async Task An_old_bookmark_with_the_key_in_the_address_goes_to_sign_in_without_the_key()
    {
        using HttpClient browser = Server.Client(allowRedirects: false);

        using HttpResponseMessage page = await browser.GetAsync($"/coord?code={DevHostServer.AdminKey}&cycle=jingdezhen-2020Q3");

        page.StatusCode.Should().Be(HttpStatusCode.Found, "the key in the address signs nobody in");
        page.Headers.Location!.OriginalString.Should().Be("/signin?returnUrl=%2Fcoord%3Fcycle%3Djingdezhen-2020Q3");
    }

    [Theory]
    [InlineData(null, 401)]
    [InlineData("wrong-key", 401)]
    [InlineData("TEST-ADMIN-KEY", 401)]
    [InlineData(DevHostServer.AdminKey, 200)]
    public async Task Scripts_use_the_admin_key_in_its_header_and_a_wrong_one_is_refused_even_beside_a_session(string? key, int status)
    {
        using HttpClient client = await Server.SignedInClientAsync(DevHostServer.Coordinator);
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("x-functions-key", key);
        }
        else
        {
            client.DefaultRequestHeaders.Remove("Cookie");
        }

        using HttpClient plain = Server.Client(allowRedirects: false);
        if (key is not null)
        {
            plain.DefaultRequestHeaders.Add("x-functions-key", key);
        }

        ((int)(await plain.GetAsync("/api/directory")).StatusCode).Should().Be(status);
        if (key is not null)
        {
            ((int)(await client.GetAsync("/api/directory")).StatusCode).Should().Be(status, "a key that came is checked, whatever session came with it");
        }
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_needs_the_pages_token()
    {
        using HttpClient coordinator = await Server.SignedInClientAsync(DevHostServer.Coordinator);
        string token = coordinator.DefaultRequestHeaders.GetValues("X-CSRF-Token").Single();

        using var noToken = new FormUrlEncodedContent(new Dictionary<string, string>());
        using HttpResponseMessage refused = await coordinator.PostAsync("/signout", noToken);
        (await coordinator.GetAsync("/api/directory")).StatusCode.Should().Be(HttpStatusCode.OK, "still signed in");
        using var withToken = new FormUrlEncodedContent(new Dictionary<string, string> { ["csrf"] = token });
        using HttpResponseMessage signedOut = await coordinator.PostAsync("/signout", withToken);

        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        signedOut.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        signedOut.Headers.Location!.OriginalString.Should().Be("/signin");
        await (await coordinator.GetAsync("/api/directory")).ShouldBeProblemAsync(401);
    }

    [Fact]
    public async Task A_sign_in_posted_from_another_site_is_refused()
    {
        using HttpClient browser = Server.Client(allowRedirects: false);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/signin") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["person"] = DevHostServer.Coordinator }) };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using HttpResponseMessage response = await browser.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Headers.Contains("Set-Cookie").Should().BeFalse();
    }

    private async Task<string?> SessionCookieAsync(string person)
    {
        using HttpClient browser = Server.Client(allowRedirects: false);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["person"] = person });
        using HttpResponseMessage signedIn = await browser.PostAsync("/signin", form);
        return signedIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0]["sixstability-session=".Length..];
    }

    private static string Pad(string base64Url)
    {
        string b = base64Url.Replace('-', '+').Replace('_', '/');
        return b + new string('=', (4 - (b.Length % 4)) % 4);
    }
}
