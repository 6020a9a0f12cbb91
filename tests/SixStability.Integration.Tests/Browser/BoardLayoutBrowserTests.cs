using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SixStability.Core.Plans;
using SixStability.Core.Units;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Browser;

/// <summary>
/// The board as the city reads it, in a real browser: units under their kind's heading, task columns headed by short
/// titles (the full title on hover) with a count each, Beijing 24-hour times, a group filter the server applies, and on
/// a 390 px phone one card per unit with nothing wider than the screen — nor on the unit's own page.
/// </summary>
public sealed partial class BoardLayoutBrowserTests : DemoCycleApiTest
{
    private static readonly string[] CountyGovernments = [.. Samples.Directory.Units.Where(u => u.Kind == UnitKind.CountyGovernment).Select(u => u.Id)];

    [Fact]
    public async Task The_desktop_board_heads_groups_and_short_titled_columns_shows_24_hour_times_and_a_group_filter_narrows_the_rows()
    {
        await SubmitAsync("rsj", 3);
        PlanTask task3 = PlanImporter.Import("jingdezhen", Samples.Read("jingdezhen.txt")).Catalog.FindTask(3)!;
        (IPlaywright playwright, IBrowser browser) = await Chromium.LaunchAsync();
        try
        {
            // A browser far from Beijing: the page still shows Beijing's 24-hour time.
            IPage page = await browser.OpenPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "en-US", TimezoneId = "America/New_York" });
            await Server.SignInAsync(page, DevHostServer.Coordinator);
            await page.Locator("td.cell[data-unit='rsj'][data-task='3'][data-state='submitted']").WaitForAsync(new() { Timeout = 15_000 });
            string[] groups = [.. await page.Locator("#board tr.group th").AllInnerTextsAsync()];
            ILocator head3 = page.Locator("#board th.task[data-task='3']");
            string status = await page.Locator("#status").InnerTextAsync();
            string beijingNow = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("HH", System.Globalization.CultureInfo.InvariantCulture);
            string column3 = await page.Locator("#col-count-3").InnerTextAsync();
            await page.ShotAsync("board-desktop");

            // Act: only the county governments.
            await page.Locator("#filter-group").SelectOptionAsync("countyGovernment");
            await page.Locator("#matched-units", new() { HasTextRegex = new Regex($"^{CountyGovernments.Length}$") }).WaitForAsync(new() { Timeout = 15_000 });
            string?[] rows = await Task.WhenAll((await page.Locator("#board tr[data-unit]").AllAsync()).Select(r => r.GetAttributeAsync("data-unit")));
            string[] groupsAfter = [.. await page.Locator("#board tr.group th").AllInnerTextsAsync()];
            await page.ShotAsync("board-desktop-counties");

            // Assert
            groups.Should().HaveCount(3);
            groups[0].Should().StartWith("县市区政府");
            groups[1].Should().StartWith("园区管委会");
            groups[2].Should().StartWith("市直部门");
            (await head3.GetAttributeAsync("title")).Should().Be("3. " + task3.Title, "the full title is the column's tooltip");
            (await head3.Locator(".short").InnerTextAsync()).Should().Be(TaskShortTitle.Of(task3.Title));
            (await head3.Locator(".num").InnerTextAsync()).Should().Be("3");
            column3.Should().MatchRegex(@"^1/\d+$", "one unit of those responsible for task 3 has reported it");
            status.Should().MatchRegex(@"更新于 \d\d:\d\d:\d\d（北京时间）").And.Contain("更新于 " + beijingNow);
            (await page.Locator("body").InnerTextAsync()).Should().NotMatchRegex(@"\b(AM|PM)\b", "no 12-hour time anywhere");
            rows.Should().BeEquivalentTo(CountyGovernments, "the server keeps the county governments only");
            groupsAfter.Should().ContainSingle().Which.Should().StartWith("县市区政府");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task At_390_px_the_board_is_a_list_of_unit_cards_and_neither_it_nor_the_units_page_scrolls_sideways()
    {
        await SubmitAsync("lps", 8);
        await SubmitAsync("lps", 12);
        using var returned = new StringContent(
            """{ "unitId": "lps", "task": 12, "reason": "请按https://www.example.gov.cn/lwlb/2020/q3/templates/report-form-for-county-governments-and-parks.docx的格式补充分项数据" }""",
            Encoding.UTF8,
            "application/json");
        (await Admin.PostAsync($"/api/cycles/{CycleId}/returns", returned)).EnsureSuccessStatusCode();
        (IPlaywright playwright, IBrowser browser) = await Chromium.LaunchAsync();
        try
        {
            IPage page = await browser.OpenPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "zh-CN" });

            // Act: the coordinator's board, then a county's own page (a return with a long address in its reason), then a
            // lead unit's page (its co-units' reports under its tasks).
            await Server.SignInAsync(page, DevHostServer.Coordinator);
            ILocator card = page.Locator("#board-list .unit-card[data-card='lps']");
            await card.WaitForAsync(new() { Timeout = 15_000 });
            int boardOverflow = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth - window.innerWidth");
            bool gridShown = await page.Locator("#board").IsVisibleAsync();
            string cardText = await card.InnerTextAsync();
            await page.ShotAsync("board-390");
            await page.GotoAsync(new Uri(Server.BaseAddress, "/u?t=" + Uri.EscapeDataString(Server.UnitToken("lps"))).ToString());
            await page.Locator("#contact").WaitForAsync();
            int unitOverflow = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth - window.innerWidth");
            string unitText = await page.Locator("body").InnerTextAsync();
            await page.ShotAsync("unit-lps-390");
            await page.GotoAsync(new Uri(Server.BaseAddress, "/u?t=" + Uri.EscapeDataString(Server.UnitToken("fgw"))).ToString());
            await page.Locator("#contact").WaitForAsync();
            int leadOverflow = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth - window.innerWidth");
            await page.ShotAsync("unit-fgw-390");

            // Assert
            boardOverflow.Should().BeLessThanOrEqualTo(0, "the board fits a 390 px phone");
            gridShown.Should().BeFalse("a phone gets the list, not the grid");
            cardText.Should().Contain("乐平市").And.Contain("截止").And.Contain("未报送").And.NotContain("8. 加快项目建设", "task 8 is reported, not owed").And.Contain("12. 优化营商环境", "task 12 was returned: owed again");
            OwedLine().IsMatch(cardText).Should().BeTrue("the card lists each owed task by number and short title");
            unitText.Should().Contain("report-form-for-county-governments", "the return's reason is on the page");
            unitOverflow.Should().BeLessThanOrEqualTo(0, "the unit's page fits a 390 px phone, long address and all");
            leadOverflow.Should().BeLessThanOrEqualTo(0, "a lead unit's page fits a 390 px phone");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private async Task SubmitAsync(string unit, int task)
    {
        using HttpClient client = Server.UnitClient(unit);
        using var json = new StringContent("""{ "narrative": "按计划推进，完成季度目标", "status": "按进度推进" }""", Encoding.UTF8, "application/json");
        (await client.PostAsync($"/api/me/obligations/{task}/submission", json)).EnsureSuccessStatusCode();
    }

    [GeneratedRegex(@"\d+\. \S+")]
    private static partial Regex OwedLine();
}
