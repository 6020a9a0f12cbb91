using System.Diagnostics;
using Microsoft.Playwright;
using SixStability.Integration.Tests.Support;

namespace SixStability.Bench;

/// <summary>
/// The coordinator's board in a real browser (Debian's chromium through Playwright) on the scale bench's cycle: the
/// coordinator signs in on DevHost's sign-in page, then the times are of what a person waits for — the page until its
/// first page of units is drawn, and each filter until the board shows what it asked for. Medians of three.
/// </summary>
internal static class BoardInBrowser
{
    public static async Task<(double Load, double NameFilter, double LateFilter)> MeasureAsync(string url, string cycleId, string unitName, string unitId)
    {
        (IPlaywright playwright, IBrowser browser) = await Chromium.LaunchAsync();
        try
        {
            var loads = new List<double>();
            var names = new List<double>();
            var lates = new List<double>();
            for (int round = 0; round < 3; round++)
            {
                IPage page = await browser.OpenPageAsync(new() { Locale = "zh-CN" });
                await page.GotoAsync(new Uri(new Uri(url), "/signin?returnUrl=" + Uri.EscapeDataString("/coord/plans")).ToString());
                await page.Locator("button[name='person'][value='coordinator']").ClickAsync();
                await page.WaitForURLAsync(u => new Uri(u).AbsolutePath == "/coord/plans");

                // Page load: from the navigation until the board holds its first page of units.
                var watch = Stopwatch.StartNew();
                await page.GotoAsync(new Uri(new Uri(url), "/coord?cycle=" + Uri.EscapeDataString(cycleId)).ToString());
                await page.Locator("#board tr[data-unit]").First.WaitForAsync();
                loads.Add(watch.Elapsed.TotalSeconds);

                // A name filter the server answers with one unit of thousands.
                watch.Restart();
                await page.Locator("#name-filter").FillAsync(unitName);
                await UntilAsync(async () => await page.Locator("#board tr[data-unit]").CountAsync() == 1 && await page.Locator($"#board tr[data-unit='{unitId}']").CountAsync() == 1);
                names.Add(watch.Elapsed.TotalSeconds);

                // Then only the units late or still owing, the name filter cleared: until the server's answer is drawn.
                await page.Locator("#name-filter").FillAsync(string.Empty);
                await UntilAsync(async () => await page.Locator("#board tr[data-unit]").CountAsync() > 1);
                watch.Restart();
                await page.RunAndWaitForResponseAsync(() => page.Locator("#late-only").CheckAsync(), r => r.Url.Contains("late=true", StringComparison.Ordinal));
                await page.Locator("#board tr[data-unit]").First.WaitForAsync();
                lates.Add(watch.Elapsed.TotalSeconds);
                await page.CloseAsync();
            }

            return (Median(loads), Median(names), Median(lates));
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    /// <summary>Polls from C# (the page's policy forbids evaluating strings as script, so no WaitForFunction).</summary>
    private static async Task UntilAsync(Func<Task<bool>> done)
    {
        var limit = Stopwatch.StartNew();
        while (!await done())
        {
            if (limit.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException("The board did not show what was asked within a minute.");
            }

            await Task.Delay(10);
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
