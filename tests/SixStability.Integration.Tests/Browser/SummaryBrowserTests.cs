using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Browser;

/// <summary>The report as the municipal government opens it on a phone: readable, no column squeezed to one character.</summary>
public sealed class SummaryBrowserTests : DemoCycleApiTest
{
    [Fact]
    public async Task At_390_px_the_report_reads_without_one_character_columns_its_tables_scroll_and_its_charts_fit()
    {
        // Arrange: a few units report with their own words, then the cycle closes and the report is published.
        foreach ((string unit, int task, string text) in new[]
        {
            ("fgw", 6, "今年以来新开工老旧小区改造1.6万户，完成投资3.1亿元。新增停车位880个。"),
            ("rsj", 1, "全市新增城镇就业1.6万人，发放稳岗返还资金2100万元。"),
            ("czj", 20, "压减一般性支出1.2亿元，“三公”经费同比下降12%。"),
        })
        {
            using HttpClient client = Server.UnitClient(unit);
            using var json = new StringContent(JsonSerializer.Serialize(new { narrative = text, status = "按进度推进", difficulties = "项目资金到位偏慢。" }), Encoding.UTF8, "application/json");
            (await client.PostAsync($"/api/me/obligations/{task}/submission", json)).EnsureSuccessStatusCode();
        }

        (await Admin.PostAsync($"/api/cycles/{CycleId}/close", null)).EnsureSuccessStatusCode();
        await WaitForFinalAsync();
        (IPlaywright playwright, IBrowser browser) = await Chromium.LaunchAsync();
        try
        {
            IPage page = await browser.OpenPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "zh-CN", DeviceScaleFactor = 1 });

            // Act
            await Server.SignInAsync(page, DevHostServer.Coordinator);
            await page.GotoAsync(new Uri(Server.BaseAddress, $"/api/cycles/{CycleId}/summary?format=html").ToString());
            string folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "summary-390.png"), FullPage = true });
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "summary-390-top.png") });
            await page.Locator("svg").First.ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "summary-390-chart.png") });
            await page.Locator("#annex-1").ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "summary-390-annex.png") });
            int pageWidth = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
            double[] narrowest = await page.EvaluateAsync<double[]>("""
                () => [...document.querySelectorAll('th, td')]
                    .filter(c => c.innerText.trim().length > 1)
                    .map(c => c.getBoundingClientRect().width / parseFloat(getComputedStyle(c).fontSize))
                    .sort((a, b) => a - b).slice(0, 5)
                """);
            int scrollingTables = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('table')].filter(t => t.parentElement.scrollWidth > t.parentElement.clientWidth).length");
            double[] charts = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('svg')].map(s => s.getBoundingClientRect().width)");

            // Assert
            pageWidth.Should().BeLessThanOrEqualTo(390, "the page itself never scrolls sideways; wide tables scroll in their own box");
            narrowest.Should().OnlyContain(w => w >= 2.5, "every cell with more than one character has room for at least two a line");
            scrollingTables.Should().BeGreaterThan(0, "the annex tables keep their columns and scroll instead");
            charts.Should().HaveCountGreaterThanOrEqualTo(2).And.OnlyContain(w => w > 300 && w <= 390);
            (await page.Locator("#addressee").InnerTextAsync()).Should().Be("市人民政府：");
            (await page.Locator("#closing").InnerTextAsync()).Should().Be("特此报告。");
            (await page.Locator("#signature").InnerTextAsync()).Should().Be("市发改委（六稳六保工作专班）");
            (await page.ContentAsync()).Should().Contain("今年以来新开工老旧小区改造1.6万户，完成投资3.1亿元。新增停车位880个。");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private async Task WaitForFinalAsync()
    {
        for (int i = 0; i < 600; i++)
        {
            using HttpResponseMessage summary = await Admin.GetAsync($"/api/cycles/{CycleId}/summary?format=json");
            if (summary.IsSuccessStatusCode && (await summary.JsonAsync()).GetProperty("final").GetBoolean())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The summary was not published.");
    }
}
