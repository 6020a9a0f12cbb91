using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SixStability.Integration.Tests.Support;

/// <summary>People signed in through DevHost's local sign-in page, as a browser does it.</summary>
internal sealed partial class DevHostServer
{
    /// <summary>The directory's people as the sign-in page names them (sample directory).</summary>
    public const string Coordinator = "coordinator";

    public const string Supervision = "supervision";

    /// <summary>李华, 副市长 for industry, commerce and opening up: 11 units in the sample directory (swj, gxj, …).</summary>
    public const string Leader = "leader-vm-industry";

    /// <summary>The first summary recipient (市人民政府办公室).</summary>
    public const string Viewer = "viewer-0";

#pragma warning disable CA2000 // The client owns its handler.
    /// <summary>
    /// A client signed in as <paramref name="person"/> (a <c>value</c> of the sign-in page's buttons), with its
    /// cookies, carrying the board's anti-forgery token in <c>X-CSRF-Token</c> as the board's script does.
    /// </summary>
    public async Task<HttpClient> SignedInClientAsync(string person, bool withToken = true)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        var client = new HttpClient(handler, disposeHandler: true) { BaseAddress = BaseAddress };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["person"] = person, ["returnUrl"] = "/coord" });
        using HttpResponseMessage signedIn = await client.PostAsync("/signin", form);
        if (signedIn.StatusCode != HttpStatusCode.SeeOther)
        {
            throw new InvalidOperationException($"Sign-in as {person} answered {(int)signedIn.StatusCode}.");
        }

        if (withToken)
        {
            string page = await client.GetStringAsync("/coord");
            client.DefaultRequestHeaders.Add("X-CSRF-Token", CsrfToken().Match(page).Groups[1].Value);
        }

        return client;
    }
#pragma warning restore CA2000

    /// <summary>Signs a browser page in as <paramref name="person"/> on the sign-in page, landing on <paramref name="returnUrl"/>.</summary>
    public async Task SignInAsync(IPage page, string person, string returnUrl = "/coord")
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(new Uri(BaseAddress, "/signin?returnUrl=" + Uri.EscapeDataString(returnUrl)).ToString());
        await page.Locator($"button[name='person'][value='{person}']").ClickAsync();
        try
        {
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == returnUrl.Split('?')[0]);
        }
        catch (TimeoutException timeout)
        {
            // Say where the sign-in ended instead, and what that page said (a CI run once stopped here without a clue).
            string said = await page.EvaluateAsync<string>("() => (document.body && document.body.innerText || '').slice(0, 400)");
            throw new TimeoutException($"Sign-in as {person} did not reach {returnUrl}: the page is {page.Url} and reads: {said}", timeout);
        }
    }

    [GeneratedRegex("data-csrf=\"([^\"]*)\"")]
    private static partial Regex CsrfToken();
}
