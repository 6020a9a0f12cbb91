using Microsoft.Playwright;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Browser;

/// <summary>The year view as the coordinator opens it from /coord, on a desktop and on a 390 px phone.</summary>
public sealed class YearPageBrowserTests : DevHostApiTest
{
    protected override async Task ArrangeAsync()
    {
        await Server.LoadSamplesAsync();
        await YearCycles.SeedAsync(Server);
    }

    [Fact]
    public async Task The_coordinator_opens_the_year_from_the_board_sees_the_ranking_chart_and_both_lists_and_a_phone_does_not_scroll_sideways()
    {
        (IPlaywright playwright, IBrowser browser) = await Chromium.LaunchAsync();
        try
        {
            IPage page = await browser.OpenPageAsync(new() { Locale = "zh-CN" });
            await Server.SignInAsync(page, DevHostServer.Coordinator, "/coord");

            // Act: from the board's link (no query: the latest plan and year with a cycle), then at 390 px.
            await page.Locator("#year-link").ClickAsync();
            await page.Locator("#year-ranking").WaitForAsync();
            await page.ShotAsync("year-desktop");
            string[] firstRow = [.. await page.Locator("#year-ranking tbody tr").First.Locator("td").AllInnerTextsAsync()];
            string[] lastRow = [.. await page.Locator("#year-ranking tbody tr").Last.Locator("td").AllInnerTextsAsync()];
            int bars = await page.Locator("#year-chart svg rect").CountAsync();
            string commended = await page.Locator("#year-commended").InnerTextAsync();
            string accountable = await page.Locator("#year-accountable").InnerTextAsync();
            string xlsx = (await page.Locator("#year-xlsx").GetAttributeAsync("href"))!;
            await page.SetViewportSizeAsync(390, 844);
            await page.ShotAsync("year-390");
            int overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            await page.Locator("#year-chart").ScrollIntoViewIfNeededAsync();
            await page.ShotAsync("year-390-chart");
            await page.Locator("#year-accountable").ScrollIntoViewIfNeededAsync();
            await page.ShotAsync("year-390-lists");

            // Assert
            page.Url.Should().EndWith("/coord/year");
            firstRow[..2].Should().Equal("1", "市发改委");
            firstRow[^1].Should().Be("+3");
            lastRow[1].Should().Be("乐平市政府");
            lastRow[^1].Should().Be("−5.5");
            bars.Should().BeGreaterThanOrEqualTo(40, "one bar per unit shown (40 at most) and the legend's swatch");
            commended.Should().Contain("市发改委").And.Contain("市人社局").And.Contain("四个季度均按时报送，无退回");
            accountable.Should().Contain("乐平市政府").And.Contain("最高升级至三级（红色）").And.Contain("浮梁县政府");
            xlsx.Should().Be("/api/plans/jingdezhen/years/2020?format=xlsx");
            overflow.Should().BeLessThanOrEqualTo(0, "at 390 px the ranking scrolls inside its own box, not the page");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task A_year_without_cycles_shows_the_form_again_with_the_reason()
    {
        (IPlaywright playwright, IBrowser browser) = await Chromium.LaunchAsync();
        try
        {
            IPage page = await browser.OpenPageAsync(new() { Locale = "zh-CN" });
            await Server.SignInAsync(page, DevHostServer.Coordinator, "/coord");

            IResponse? response = await page.GotoAsync(new Uri(Server.BaseAddress, "/coord/year?plan=jingdezhen&year=2019").ToString());

            response!.Status.Should().Be(404);
            (await page.Locator("#message").InnerTextAsync()).Should().Contain("2019年没有报送周期");
            (await page.Locator("#year-form a").AllInnerTextsAsync()).Should().Contain("jingdezhen 2020 年");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
