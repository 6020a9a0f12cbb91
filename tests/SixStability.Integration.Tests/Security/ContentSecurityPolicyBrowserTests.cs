using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Security;

/// <summary>
/// Issue 13, item 8, in a real browser: every page works under its Content-Security-Policy (the board's
/// script and the stylesheet are files; nothing inline is blocked), and the policy is enforced: a script
/// that found its way into a page does not run.
/// </summary>
public sealed partial class ContentSecurityPolicyBrowserTests : DemoCycleApiTest
{
    private const string Injected = "window.__injected = true;";

    /// <summary>How the browser names the injected script when it blocks it (its hash), to tell that report from any other.</summary>
    private static readonly string InjectedHash = "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Injected)));

    [Fact]
    public async Task Every_page_works_under_its_policy_and_an_injected_script_does_not_run()
    {
        (IPlaywright playwright, IBrowser browser) = await Chromium.LaunchAsync();
        try
        {
            IPage page = await browser.OpenPageAsync(new() { Locale = "zh-CN" });
            var violations = new List<string>();
            page.Console += (_, message) =>
            {
                if (ContentSecurityPolicy().IsMatch(message.Text))
                {
                    violations.Add($"{page.Url}: {message.Text}");
                }
            };
            string mail = await FirstMailAsync();
            string[] pages =
            [
                $"/u?t={Uri.EscapeDataString(Server.UnitToken("rsj"))}",
                $"/coord?code={DevHostServer.AdminKey}",
                $"/api/cycles/{CycleId}/summary?format=html&code={DevHostServer.AdminKey}",
                "/dev/mail",
                $"/dev/mail/{Uri.EscapeDataString(mail)}",
            ];
            var ran = new List<string>();

            foreach (string path in pages)
            {
                await page.GotoAsync(new Uri(Server.BaseAddress, path).ToString());
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

                // What an injection would do: add a script element with inline code.
                bool executed = await page.EvaluateAsync<bool>(
                    "code => { const s = document.createElement('script'); s.textContent = code; document.body.appendChild(s); return window.__injected === true; }", Injected);
                if (executed)
                {
                    ran.Add(path);
                }
            }

            await page.GotoAsync(new Uri(Server.BaseAddress, $"/coord?code={DevHostServer.AdminKey}").ToString());
            await page.Locator("#board tr").Nth(1).WaitForAsync();
            await page.GotoAsync(new Uri(Server.BaseAddress, $"/u?t={Uri.EscapeDataString(Server.UnitToken("rsj"))}").ToString());
            string background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

            ran.Should().BeEmpty("the policy forbids inline script on every page");
            violations.Where(v => !v.Contains(InjectedHash, StringComparison.Ordinal)).Should().BeEmpty("the pages themselves need nothing the policy forbids");
            violations.Should().NotBeEmpty("the browser reported the blocked injections");
            background.Should().Be("rgb(246, 246, 244)", "the stylesheet (a file) applies");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [GeneratedRegex("Content Security Policy", RegexOptions.IgnoreCase)]
    private static partial Regex ContentSecurityPolicy();

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
