using Microsoft.Playwright;

namespace SixStability.Integration.Tests.Support;

/// <summary>
/// Debian's chromium driven by Playwright (its own browser download is blocked here): the path comes
/// from <c>CHROMIUM_PATH</c> or the first <c>chromium</c> on PATH; .ci/run installs it.
/// </summary>
internal static class Chromium
{
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        string path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : Find()
            ?? throw new InvalidOperationException("chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH).");
        IPlaywright playwright = await Playwright.CreateAsync();
        IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
        return (playwright, browser);
    }

    /// <summary>
    /// A page whose waits allow a minute, not Playwright's 30 s: on two cores, with the rest of the
    /// suite in parallel, a cold host's first page (JIT, first table reads) has once taken longer.
    /// </summary>
    public static async Task<IPage> OpenPageAsync(this IBrowser browser, BrowserNewPageOptions options)
    {
        IPage page = await browser.NewPageAsync(options);
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(60_000);
        return page;
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .SelectMany(dir => new[] { Path.Combine(dir, "chromium"), Path.Combine(dir, "chromium-browser") })
            .FirstOrDefault(File.Exists);
}
