using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Browser;

/// <summary>The coordinator loads a Word plan from the page, fixes it, confirms it and starts a cycle on it, in a real browser.</summary>
public sealed class PlansPageBrowserTests : DevHostApiTest
{
    private const string Odd = "市人社保局";

    protected override async Task ArrangeAsync()
    {
        using HttpResponseMessage response = await Admin.PutTextAsync("/api/directory", Samples.Read("directory.json"), "application/json");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_coordinator_uploads_a_docx_fixes_a_unit_accepts_a_suggestion_confirms_and_starts_a_cycle()
    {
        // A Word plan with one name the directory does not know, and task 1's units written wrongly.
        string seed = Samples.Read("jingdezhen.txt").Replace("市人社局", Odd, StringComparison.Ordinal);
        string file = Path.Combine(MailFolder, "实施方案.docx");
        await File.WriteAllBytesAsync(file, WordFiles.Docx(seed.Split('\n')));
        (IPlaywright playwright, IBrowser browser) = await Chromium.LaunchAsync();
        try
        {
            IPage page = await browser.OpenPageAsync(new() { Locale = "zh-CN" });
            await Server.SignInAsync(page, DevHostServer.Coordinator, "/coord/plans");
            await page.Locator("#directory-state", new() { HasText = "个单位" }).WaitForAsync();

            // Act: upload, fix the units of the first task, accept the suggestion for the odd name, confirm, start.
            await page.Locator("#plan-id").FillAsync("city-b");
            await page.Locator("#plan-file").SetInputFilesAsync(file);
            await page.Locator("#plan-upload").ClickAsync();
            await page.Locator("#draft-summary", new() { HasText = "任务 22 项" }).WaitForAsync(new() { Timeout = 15_000 });
            bool readyBefore = !await page.Locator("#draft-confirm").IsDisabledAsync();
            await page.ShotAsync("plans-draft-desktop");
            await page.SetViewportSizeAsync(390, 844);
            await page.ShotAsync("plans-draft-390");
            int overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            await page.SetViewportSizeAsync(1280, 900);
            ILocator firstTask = page.Locator("#draft-items tr:not(.not-task) input.units").First;
            string item = (await firstTask.GetAttributeAsync("data-item"))!;
            await firstTask.FillAsync("市财政局、市发改委");
            await page.Locator($"button.set-units[data-item='{item}']").ClickAsync();
            await page.Locator($"input.units[data-item='{item}'][value='市财政局、市发改委']").WaitForAsync(new() { Timeout = 15_000 });
            await page.Locator($"button.accept[data-name='{Odd}'][data-unit='rsj']").ClickAsync();
            await page.Locator("#message", new() { HasText = "草稿可以确认了" }).WaitForAsync(new() { Timeout = 15_000 });
            await page.Locator("#draft-confirm").ClickAsync();
            await page.Locator("#message", new() { HasText = "第 1 版" }).WaitForAsync(new() { Timeout = 15_000 });
            await page.Locator("#start-quarter").FillAsync("2020Q3");
            await page.Locator("#start-cycle").ClickAsync();
            await page.Locator("#message", new() { HasText = "已启动" }).WaitForAsync(new() { Timeout = 15_000 });
            await page.ShotAsync("plans-confirmed-desktop");

            // Assert
            readyBefore.Should().BeFalse("a name the directory does not know stops confirmation");
            overflow.Should().BeLessThanOrEqualTo(0, "at 390 px the draft's table stacks instead of widening the page");
            JsonElement plan = await (await Admin.GetAsync("/api/plans/city-b")).JsonAsync();
            JsonElement first = plan.GetProperty("sections").EnumerateArray().First().GetProperty("tasks").EnumerateArray().First();
            first.GetProperty("units").EnumerateArray().Select(u => u.GetString()).Should().Equal("市财政局", "市发改委");
            using HttpResponseMessage cycle = await Admin.GetAsync("/api/cycles/city-b-2020Q3");
            cycle.StatusCode.Should().Be(HttpStatusCode.OK);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
