using System.Net;
using SixStability.DevHost.Azurite;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Access;

/// <summary>The local sign-in exists only while DevHost listens on loopback alone (as the published development keys).</summary>
public sealed class LocalSignInAvailabilityTests
{
    [Fact]
    public async Task A_DevHost_others_can_reach_offers_no_local_sign_in_and_reads_no_session()
    {
        int port = LoopbackPorts.Free();
        await using DevHostServer server = await DevHostServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Urls"] = $"http://0.0.0.0:{port}",
            ["Admin:Key"] = "own-admin-key-for-this-test",
            ["Links:SigningKey"] = "own-signing-key-for-this-test",
            ["Links:BaseUrl"] = $"http://127.0.0.1:{port}",
        });
        using HttpClient browser = server.Client(allowRedirects: false);

        using HttpResponseMessage page = await browser.GetAsync("/signin");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["person"] = "coordinator" });
        using HttpResponseMessage post = await browser.PostAsync("/signin", form);

        page.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await page.Content.ReadAsStringAsync()).Should().Contain("本机登录只在 DevHost 仅监听本机回环地址");
        post.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        post.Headers.Contains("Set-Cookie").Should().BeFalse();
    }
}
