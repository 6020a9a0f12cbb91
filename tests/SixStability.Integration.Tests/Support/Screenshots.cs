using Microsoft.Playwright;

namespace SixStability.Integration.Tests.Support;

/// <summary>Screenshots for people to look at, when <c>SIXSTABILITY_SHOTS</c> names a folder; nothing otherwise.</summary>
internal static class Screenshots
{
    public static async Task ShotAsync(this IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (Environment.GetEnvironmentVariable("SIXSTABILITY_SHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }
}
