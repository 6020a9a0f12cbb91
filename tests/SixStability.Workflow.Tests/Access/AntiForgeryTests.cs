using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SixStability.Workflow.Access;

namespace SixStability.Workflow.Tests.Access;

public sealed class AntiForgeryTests
{
    private static readonly AntiForgery Tokens = new(Options.Create(new AccessOptions { TokenKey = [.. Enumerable.Range(1, 32).Select(i => (byte)i)] }));

    private static readonly Actor Coordinator = Workbench.Coordinator;

    private static HttpRequest Request(string? cookie = null, bool https = false)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = https ? "https" : "http";
        if (cookie is not null)
        {
            context.Request.Headers.Cookie = cookie;
        }

        return context.Request;
    }

    private static string CookiePair(string setCookie) => setCookie.Split(';')[0];

    [Fact]
    public void A_page_token_is_valid_only_with_its_own_cookie_and_its_own_person()
    {
        (string token, string? setCookie) = Tokens.ForPage(Request(), Coordinator);
        HttpRequest back = Request(CookiePair(setCookie!));

        Tokens.IsValid(back, Coordinator, token).Should().BeTrue();
        Tokens.IsValid(back, Coordinator with { Id = "leader-vm-industry" }, token).Should().BeFalse("another person's token");
        Tokens.IsValid(Request(), Coordinator, token).Should().BeFalse("no cookie: another site cannot make the browser present the page's token");
        Tokens.IsValid(Request("sixstability-af=" + new string('A', 43)), Coordinator, token).Should().BeFalse("another cookie");
        Tokens.IsValid(back, Coordinator, string.Empty).Should().BeFalse();
        Tokens.IsValid(back, Coordinator, token[..^1] + (token[^1] == 'A' ? 'B' : 'A')).Should().BeFalse();
    }

    [Fact]
    public void A_browser_that_has_the_cookie_keeps_it_and_over_HTTPS_it_is_a_host_only_secure_cookie()
    {
        (string first, string? set) = Tokens.ForPage(Request(), Coordinator);
        (string again, string? setAgain) = Tokens.ForPage(Request(CookiePair(set!)), Coordinator);
        (_, string? secure) = Tokens.ForPage(Request(https: true), Coordinator);

        again.Should().Be(first);
        setAgain.Should().BeNull();
        set.Should().Contain("HttpOnly").And.Contain("SameSite=Strict").And.NotContain("Secure");
        secure.Should().StartWith("__Host-sixstability-af=").And.Contain("; Secure").And.Contain("Path=/");
    }
}
