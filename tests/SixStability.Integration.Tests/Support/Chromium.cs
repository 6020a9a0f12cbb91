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

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .SelectMany(dir => new[] { Path.Combine(dir, "chromium"), Path.Combine(dir, "chromium-browser") })
            .FirstOrDefault(File.Exists);
}
