using System.Net;
using System.Text;
using Microsoft.Playwright;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Browser;

/// <summary>The coordinator watches the live board in a real browser while a unit submits.</summary>
public sealed class AdminPageBrowserTests : DemoCycleApiTest
{
    [Fact]
    public async Task The_board_turns_a_units_cell_green_when_it_submits_and_the_late_filter_hides_units_that_owe_nothing()
    {
        (IPlaywright playwright, IBrowser browser) = await Chromium.LaunchAsync();
        try
        {
            IPage page = await browser.OpenPageAsync(new() { Locale = "zh-CN" });
            await page.GotoAsync(new Uri(Server.BaseAddress, $"/coord?code={DevHostServer.AdminKey}").ToString());
            ILocator cell = page.Locator("td.cell[data-unit='rsj'][data-task='3']");
            await cell.WaitForAsync();
            string before = (await cell.GetAttributeAsync("data-state"))!;

            // Act: 市人社局 submits task 3 through its link, as its clerk would.
            using HttpClient rsj = Server.UnitClient("rsj");
            using var json = new StringContent("""{ "narrative": "培训1.2万人次", "status": "已完成" }""", Encoding.UTF8, "application/json");
            (await rsj.PostAsync("/api/me/obligations/3/submission", json)).EnsureSuccessStatusCode();
            await page.WaitForSelectorAsync("td.cell[data-unit='rsj'][data-task='3'][data-state='submitted']", new() { Timeout = 15_000 });

            // Everyone else still owes something, so the filter keeps them; a unit with nothing owed would go.
            await page.Locator("#late-only").CheckAsync();
            await page.WaitForFunctionAsync("() => document.querySelector('#board tr[data-unit]') !== null && document.getElementById('matched-units') !== null");
            int shown = await page.Locator("#board tr[data-unit]").CountAsync();

            // The name filter is asked of the server, which answers with the one unit it matches.
            await page.Locator("#name-filter").FillAsync("人社");
            await page.WaitForFunctionAsync("() => document.getElementById('matched-units').innerText === '1'");
            string[] filtered = [.. await page.Locator("#board tr[data-unit]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.getAttribute('data-unit'))")];

            // Assert
            before.Should().Be("owed");
            (await page.Locator("#submitted-total").InnerTextAsync()).Should().Be("1");
            shown.Should().BeGreaterThan(40);
            filtered.Should().Equal("rsj");
            (await page.Locator("#summary-docx").GetAttributeAsync("href")).Should().Contain("format=docx");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task The_coordinator_returns_a_submission_and_closes_the_cycle_from_the_board()
    {
        using HttpClient rsj = Server.UnitClient("rsj");
        using var json = new StringContent("""{ "narrative": "培训1.2万人次", "status": "已完成" }""", Encoding.UTF8, "application/json");
        (await rsj.PostAsync("/api/me/obligations/3/submission", json)).EnsureSuccessStatusCode();
        using HttpClient flx = Server.UnitClient("flx");
        using var ask = new StringContent("""{ "due": "2020-10-20", "reason": "防汛抢险，人手不足" }""", Encoding.UTF8, "application/json");
        (await flx.PostAsync("/api/me/extension-request", ask)).EnsureSuccessStatusCode();
        (IPlaywright playwright, IBrowser browser) = await Chromium.LaunchAsync();
        try
        {
            IPage page = await browser.OpenPageAsync(new() { Locale = "zh-CN" });
            var answers = new Queue<string>(["同意，请按期报送", "2020-10-25", "防汛", "请补充培训人数的分县数据"]);
            page.Dialog += async (_, dialog) => await dialog.AcceptAsync(dialog.Type == "prompt" ? answers.Dequeue() : null);
            await page.GotoAsync(new Uri(Server.BaseAddress, $"/coord?code={DevHostServer.AdminKey}").ToString());

            // Act: 同意 the pending 延期申请, 退回 by clicking the green cell, then 立即关闭周期.
            await page.Locator("#requests button.decide[data-unit='flx'][data-approve='1']").ClickAsync();
            await page.WaitForSelectorAsync("#requests-card", new() { State = WaitForSelectorState.Hidden, Timeout = 15_000 });
            await page.Locator("#board button.extend[data-unit='lps']").ClickAsync();
            // Locator waits, not WaitForFunction: the page's policy forbids evaluating strings as script.
            await page.Locator("#message", new() { HasText = "已延期至 2020-10-25" }).WaitForAsync(new() { Timeout = 15_000 });
            await page.Locator("td.cell[data-unit='rsj'][data-task='3'][data-state='submitted']").ClickAsync();
            await page.WaitForSelectorAsync("td.cell[data-unit='rsj'][data-task='3'][data-state='owed']", new() { Timeout = 15_000 });
            await page.Locator("#close").ClickAsync();
            await page.Locator("#status", new() { HasText = "已关闭" }).WaitForAsync(new() { Timeout = 30_000 });

            // Assert
            string mine = await rsj.GetStringAsync("/api/me/obligations");
            mine.Should().Contain("请补充培训人数的分县数据");
            (await Admin.GetStringAsync($"/api/cycles/{CycleId}")).Should().Contain("\"state\":\"approved\"").And.Contain("同意，请按期报送");
            await WaitForDueAsync("lps", "2020-10-25");
            (await page.Locator("#close").IsVisibleAsync()).Should().BeFalse("a closed cycle cannot be closed again");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    /// <summary>The extension reaches the unit through the orchestration, a moment after the board says so.</summary>
    private async Task WaitForDueAsync(string unit, string due)
    {
        using HttpClient client = Server.UnitClient(unit);
        for (int i = 0; i < 150; i++)
        {
            if ((await client.GetStringAsync("/api/me/obligations")).Contains($"\"due\":\"{due}\"", StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{unit}'s due day did not become {due}.");
    }

    [Fact]
    public async Task Without_the_admin_key_the_page_is_refused()
    {
        using HttpClient anonymous = Server.Client();

        using HttpResponseMessage page = await anonymous.GetAsync("/coord");
        using HttpResponseMessage wrong = await anonymous.GetAsync("/coord?code=wrong");

        page.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_old_admin_address_redirects_to_coord_with_its_query_on_DevHost()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = Server.BaseAddress };

        using HttpResponseMessage old = await client.GetAsync($"/admin?code={DevHostServer.AdminKey}");

        old.StatusCode.Should().Be(HttpStatusCode.PermanentRedirect);
        old.Headers.Location!.OriginalString.Should().Be($"/coord?code={DevHostServer.AdminKey}");
    }
}
