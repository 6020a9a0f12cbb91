using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Browser;

/// <summary>A clerk opens the link from the opening mail in a real browser, fills the form and submits it.</summary>
public sealed partial class UnitPageBrowserTests : DemoCycleApiTest
{
    [Fact]
    public async Task A_clerk_fills_and_submits_the_form_from_the_mailed_link_and_sees_it_submitted()
    {
        // Arrange: the link from the opening mail the sink received for 市发改委 (fgw).
        string link = await LinkFromMailAsync("fgw");
        (IPlaywright playwright, IBrowser browser) = await Chromium.LaunchAsync();
        try
        {
            IPage page = await browser.OpenPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "zh-CN" });

            // Act
            await page.GotoAsync(link);
            await page.Locator("#filler").FillAsync("王芳");
            await page.Locator("#phone").FillAsync("0798-8222333");
            await page.Locator("#approver").FillAsync("李强");
            await page.Locator("#contact").GetByRole(AriaRole.Button, new() { Name = "确认填报信息" }).ClickAsync();
            await page.Locator("#contact-state").WaitForAsync();
            ILocator task = page.Locator("#task-6");
            await task.Locator("textarea[name=narrative]").FillAsync("三季度新开工改造老旧小区1.2万户，完成投资3.1亿元。");
            await task.GetByLabel("按进度推进").CheckAsync();
            await task.Locator("input[name='ind.0']").FillAsync("12000");
            await task.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
            await page.WaitForURLAsync(UrlSaved());
            string afterDraft = await page.Locator("#task-6 .state").First.InnerTextAsync();
            await page.Locator("#task-6").GetByRole(AriaRole.Button, new() { Name = "提交报送" }).ClickAsync();
            await page.WaitForURLAsync(UrlSubmitted());

            // Assert
            afterDraft.Should().Be("草稿");
            (await page.Locator("#task-6 .state").First.InnerTextAsync()).Should().StartWith("已报送");
            (await page.Locator("#submitted-6").InnerTextAsync()).Should().Contain("三季度新开工改造老旧小区1.2万户").And.Contain("12000");
            (await page.Locator("#submitted-count").InnerTextAsync()).Should().Be("1");
            (await page.TitleAsync()).Should().Contain("市发改委");
            (await page.Locator("#contact-state").InnerTextAsync()).Should().Be("填报人：王芳（0798-8222333），审核领导：李强");
            (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")).Should().BeLessThanOrEqualTo(0, "nothing on the unit's page is wider than a phone");
            await page.ShotAsync("unit-390");
            await page.SetViewportSizeAsync(1280, 900);
            await page.ShotAsync("unit-desktop");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private async Task<string> LinkFromMailAsync(string unit)
    {
        for (int i = 0; i < 300; i++)
        {
            string? file = Directory.GetFiles(MailFolder, $"*-open-*{unit}.eml").FirstOrDefault();
            if (file is not null)
            {
                using MimeMessage mail = await MimeMessage.LoadAsync(file);
                return LinkInMail().Match(mail.HtmlBody ?? string.Empty).Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No opening mail for {unit} in {MailFolder}.");
    }

    [GeneratedRegex("href=\"(http[^\"]+/u\\?t=[^\"]+)\"")]
    private static partial Regex LinkInMail();

    [GeneratedRegex("ok=draft")]
    private static partial Regex UrlSaved();

    [GeneratedRegex("ok=submit")]
    private static partial Regex UrlSubmitted();
}
