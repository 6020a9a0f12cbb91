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
            await Server.SignInAsync(page, DevHostServer.Coordinator);
            ILocator cell = page.Locator("td.cell[data-unit='rsj'][data-task='3']");
            await cell.WaitForAsync();
            string before = (await cell.GetAttributeAsync("data-state"))!;

            // Act: 市人社局 submits task 3 through its link, as its clerk would.
            using HttpClient rsj = Server.UnitClient("rsj");
            using var json = new StringContent("""{ "narrative": "培训1.2万人次", "status": "已完成" }""", Encoding.UTF8, "application/json");
            (await rsj.PostAsync("/api/me/obligations/3/submission", json)).EnsureSuccessStatusCode();
            await page.WaitForSelectorAsync("td.cell[data-unit='rsj'][data-task='3'][data-state='submitted']", new() { Timeout = 15_000 });

            // A click on the submitted cell is the review pane's (review.js): the board itself asks nothing.
            bool asked = false;
            page.Dialog += async (_, dialog) =>
            {
                asked = true;
                await dialog.DismissAsync();
            };
            await cell.ClickAsync();

            // The pane shows what the unit wrote; the coordinator puts it away before filtering (it covers the filters
            // once its answer arrives, so a click racing that answer could land on either).
            ILocator pane = page.Locator("#review-pane:not(.hidden)");
            await pane.Locator("#review-narrative", new() { HasText = "培训1.2万人次" }).WaitForAsync(new() { Timeout = 15_000 });
            await pane.Locator("#review-close").ClickAsync();
            await page.Locator("#review-pane.hidden").WaitForAsync(new() { State = WaitForSelectorState.Attached });

            // Everyone else still owes something, so the filter keeps them; a unit with nothing owed would go.
            await page.Locator("#late-only").CheckAsync();
            await page.WaitForFunctionAsync("() => document.querySelector('#board tr[data-unit]') !== null && document.getElementById('matched-units') !== null");
            int shown = await page.Locator("#board tr[data-unit]").CountAsync();

            // The name filter is asked of the server, which answers with the one unit it matches.
            await page.Locator("#name-filter").FillAsync("人社");
            await page.WaitForFunctionAsync("() => document.getElementById('matched-units').innerText === '1'");
            string[] filtered = [.. await page.Locator("#board tr[data-unit]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.getAttribute('data-unit'))")];

            // Assert
            before.Should().Be("outstanding");
            asked.Should().BeFalse("the board no longer opens a 退回理由 prompt on a cell");
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
            var answers = new Queue<string>(["同意，请按期报送", "2020-10-25", "防汛"]);
            page.Dialog += async (_, dialog) => await dialog.AcceptAsync(dialog.Type == "prompt" ? answers.Dequeue() : null);
            await Server.SignInAsync(page, DevHostServer.Coordinator);

            // Act: 同意 the pending 延期申请, 退回 from the review pane the green cell opens, then 立即关闭周期.
            await page.Locator("#requests button.decide[data-unit='flx'][data-approve='1']").ClickAsync();
            await page.WaitForSelectorAsync("#requests-card", new() { State = WaitForSelectorState.Hidden, Timeout = 15_000 });
            await page.Locator("#board button.extend[data-unit='lps']").ClickAsync();
            // Locator waits, not WaitForFunction: the page's policy forbids evaluating strings as script.
            await page.Locator("#message", new() { HasText = "已延期至 2020-10-25" }).WaitForAsync(new() { Timeout = 15_000 });
            await page.Locator("td.cell[data-unit='rsj'][data-task='3'][data-state='submitted']").ClickAsync();
            await page.Locator("#review-reason").FillAsync("请补充培训人数的分县数据");
            await page.Locator("#review-return").ClickAsync();
            await page.WaitForSelectorAsync("td.cell[data-unit='rsj'][data-task='3'][data-state='outstanding']", new() { Timeout = 15_000 });
            await page.Locator("#review-close").ClickAsync();
            await page.Locator("#close").ClickAsync();
            await page.Locator("#status", new() { HasText = "已关闭" }).WaitForAsync(new() { Timeout = 30_000 });
            await page.ReloadAsync();
            await page.Locator("#audit-table tr[data-action='CloseCycle']").WaitForAsync();
            await page.ShotAsync("coordinator-desktop");

            // Assert
            string mine = await rsj.GetStringAsync("/api/me/obligations");
            mine.Should().Contain("请补充培训人数的分县数据");
            (await Admin.GetStringAsync($"/api/cycles/{CycleId}")).Should().Contain("\"state\":\"approved\"").And.Contain("同意，请按期报送");
            await WaitForDueAsync("lps", "2020-10-25");
            (await page.Locator("#close").IsVisibleAsync()).Should().BeFalse("a closed cycle cannot be closed again");
            string[] audited = [.. (await Task.WhenAll((await page.Locator("#audit-table tr[data-action]").AllAsync()).Select(r => r.GetAttributeAsync("data-action")))).OfType<string>()];
            audited.Should().Contain(["DecideExtension", "ExtendCycle", "ReturnSubmission", "CloseCycle"], "each action on the board is in the audit trail on the same page");
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
    public async Task Without_a_sign_in_the_page_sends_the_browser_to_sign_in_and_a_key_in_its_address_is_no_key()
    {
        using HttpClient anonymous = Server.Client(allowRedirects: false);

        using HttpResponseMessage page = await anonymous.GetAsync("/coord?cycle=jingdezhen-2020Q3");
        using HttpResponseMessage code = await anonymous.GetAsync($"/coord?code={DevHostServer.AdminKey}");
        using HttpResponseMessage api = await anonymous.GetAsync($"/api/cycles?code={DevHostServer.AdminKey}");

        page.StatusCode.Should().Be(HttpStatusCode.Found);
        page.Headers.Location!.OriginalString.Should().Be("/signin?returnUrl=%2Fcoord%3Fcycle%3Djingdezhen-2020Q3");
        code.StatusCode.Should().Be(HttpStatusCode.Found, "?code= is not read: the key goes in the x-functions-key header only");
        await api.ShouldBeProblemAsync(401);
    }

    [Fact]
    public async Task The_old_admin_address_redirects_to_coord_without_a_key_in_it_on_DevHost()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = Server.BaseAddress };

        using HttpResponseMessage old = await client.GetAsync($"/admin?code={DevHostServer.AdminKey}&cycle=jingdezhen-2020Q3");

        old.StatusCode.Should().Be(HttpStatusCode.PermanentRedirect);
        old.Headers.Location!.OriginalString.Should().Be("/coord?cycle=jingdezhen-2020Q3");
    }
}
