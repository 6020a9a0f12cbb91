using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Browser;

/// <summary>
/// A 分管领导 in a real browser: follows the board link in the escalation mail the cycle sent them, signs in on
/// DevHost's page, sees only the units the directory assigns them, and has no way to 退回 or 关闭 — neither a
/// button on the page nor the routes behind them. <c>SIXSTABILITY_SHOTS</c> names a folder for screenshots.
/// </summary>
public sealed partial class LeaderBoardBrowserTests : DevHostApiTest
{
    private const string CycleId = DevHostServer.DemoCycleId;
    private const string LeaderEmail = "vm-industry@example.gov.cn";

    protected override async Task ArrangeAsync()
    {
        await Server.LoadSamplesAsync();

        // Two seconds a day: escalation level 2 (the first to tell the leaders) comes about 20 s after the opening.
        using var start = new StringContent("""{ "planId": "jingdezhen", "quarter": "2020Q3", "policy": { "kind": "demo", "secondsPerDay": 2 } }""", Encoding.UTF8, "application/json");
        (await Admin.PostAsync("/api/cycles", start)).EnsureSuccessStatusCode();
        for (int i = 0; i < 300 && !(await Admin.GetStringAsync($"/api/cycles/{CycleId}")).Contains("\"counts\"", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
        }

        // 市商务局 (李华's) and 市人社局 (张强's) report one task each before the due day.
        foreach (string unit in new[] { "swj", "rsj" })
        {
            using HttpClient client = Server.UnitClient(unit);
            JsonElement mine = JsonDocument.Parse(await client.GetStringAsync("/api/me/obligations")).RootElement;
            int task = mine.GetProperty("obligations").EnumerateArray().First().GetProperty("task").GetInt32();
            using var body = new StringContent("""{ "narrative": "稳外贸稳外资，帮扶重点企业32家", "status": "按进度推进" }""", Encoding.UTF8, "application/json");
            (await client.PostAsync($"/api/me/obligations/{task}/submission", body)).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task A_leader_follows_the_link_in_their_escalation_mail_signs_in_sees_only_their_units_and_cannot_return_or_close()
    {
        // Arrange: the link in the level-2 escalation mail to 李华 (vm-industry), as the cycle sent it.
        string link = await BoardLinkFromEscalationMailAsync();
        JsonElement all = JsonDocument.Parse(await Admin.GetStringAsync($"/api/cycles/{CycleId}")).RootElement;
        string[] everyUnit = [.. all.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unitId").GetString()!)];
        string[] theirs = [.. everyUnit.Where(u => Samples.Directory.Units.Single(d => d.Id == u).Leader == "vm-industry")];
        (IPlaywright playwright, IBrowser browser) = await Chromium.LaunchAsync();
        try
        {
            IPage page = await browser.OpenPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "zh-CN" });
            bool asked = false;
            page.Dialog += async (_, dialog) =>
            {
                asked = true;
                await dialog.DismissAsync();
            };

            // Act: the link, the sign-in it leads to, back to the board of that cycle.
            await page.GotoAsync(link);
            await page.WaitForURLAsync(SignInPage());
            await page.ShotAsync("signin-desktop");
            await page.SetViewportSizeAsync(390, 844);
            await page.ShotAsync("signin-390");
            await page.SetViewportSizeAsync(1280, 900);
            await page.Locator("button[name='person'][value='leader-vm-industry']").ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).PathAndQuery == "/coord?cycle=" + CycleId);
            await page.Locator("#board tr[data-unit]").First.WaitForAsync();
            string?[] shown = await Task.WhenAll((await page.Locator("#board tr[data-unit]").AllAsync()).Select(r => r.GetAttributeAsync("data-unit")));
            ILocator submitted = page.Locator("td.cell[data-unit='swj'][data-state='submitted'], td.cell[data-unit='swj'][data-state='late']").First;
            await submitted.ClickAsync();
            await page.Locator("#review-pane", new() { HasText = "帮扶重点企业32家" }).WaitForAsync();
            int reviewButtons = await page.Locator("#review-accept, #review-return").CountAsync();
            await page.ShotAsync("leader-desktop");

            // The routes behind 退回 and 关闭 refuse this session, with the page's own anti-forgery token.
            string token = (await page.Locator("#board-app").GetAttributeAsync("data-csrf"))!;
            var headers = new Dictionary<string, string> { ["X-CSRF-Token"] = token };
            int rsjTask = all.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitId").GetString() == "rsj").GetProperty("submitted")[0].GetInt32();
            IAPIResponse returned = await page.Context.APIRequest.PostAsync(new Uri(Server.BaseAddress, $"/api/cycles/{CycleId}/returns").ToString(), new() { Headers = headers, DataObject = new { unitId = "rsj", task = rsjTask, reason = "退回试试" } });
            IAPIResponse closed = await page.Context.APIRequest.PostAsync(new Uri(Server.BaseAddress, $"/api/cycles/{CycleId}/close").ToString(), new() { Headers = headers });

            await page.SetViewportSizeAsync(390, 844);
            await page.ShotAsync("leader-390");

            // Assert
            link.Should().Be($"{Server.BaseAddress.AbsoluteUri}coord?cycle={CycleId}");
            theirs.Should().NotBeEmpty().And.Contain("swj");
            shown.Should().BeEquivalentTo(theirs, "the board lists the units the directory assigns 李华, no others");
            shown.Should().NotContain("rsj");
            (await page.Locator("#close").CountAsync()).Should().Be(0);
            (await page.Locator("#resume").CountAsync()).Should().Be(0);
            (await page.Locator("button.extend, button.decide").CountAsync()).Should().Be(0);
            (await page.GetByRole(AriaRole.Button, new() { NameRegex = ReturnOrClose() }).CountAsync()).Should().Be(0, "no button to 退回 or 关闭");
            asked.Should().BeFalse("clicking a submitted cell shows the report; it does not ask for a reason to return it");
            reviewButtons.Should().Be(0, "a leader reads the review pane without 通过 or 退回");
            (await page.Locator("#audit").CountAsync()).Should().Be(0);
            returned.Status.Should().Be(403);
            closed.Status.Should().Be(403);
            JsonElement after = JsonDocument.Parse(await Admin.GetStringAsync($"/api/cycles/{CycleId}")).RootElement;
            after.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitId").GetString() == "rsj").GetProperty("submitted").EnumerateArray().Select(t => t.GetInt32()).Should().Contain(rsjTask, "nothing was returned");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    /// <summary>The board link of the first escalation mail to 李华 in the sink (waits for the cycle to get there).</summary>
    private async Task<string> BoardLinkFromEscalationMailAsync()
    {
        for (int i = 0; i < 1200; i++)
        {
            foreach (string file in Directory.GetFiles(MailFolder, "*.eml"))
            {
                using MimeMessage mail = await MimeMessage.LoadAsync(file);
                if (mail.To.ToString().Contains(LeaderEmail, StringComparison.Ordinal) && (mail.Subject ?? string.Empty).StartsWith("【督办", StringComparison.Ordinal))
                {
                    return BoardLink().Match(mail.HtmlBody ?? string.Empty).Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("No escalation mail reached 李华.");
    }

    [GeneratedRegex("/signin\\?returnUrl=")]
    private static partial Regex SignInPage();

    [GeneratedRegex("href=\"([^\"]*/coord\\?cycle=[^\"]*)\"")]
    private static partial Regex BoardLink();

    [GeneratedRegex("退回|关闭")]
    private static partial Regex ReturnOrClose();
}
