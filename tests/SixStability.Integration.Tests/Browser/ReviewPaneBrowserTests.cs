using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Browser;

/// <summary>
/// The coordinator's desk in a real browser: reads a report from its board cell, accepts it, walks to the next
/// report of the same task, returns it with a reason; the unit's page, from the mail's link, shows the return.
/// </summary>
public sealed partial class ReviewPaneBrowserTests : DemoCycleApiTest
{
    private static async Task SubmitAsync(HttpClient unit, int task, string narrative)
    {
        using var json = new StringContent($$"""{ "narrative": "{{narrative}}", "status": "按进度推进", "difficulties": "部分企业用工需求下降。" }""", Encoding.UTF8, "application/json");
        (await unit.PostAsync($"/api/me/obligations/{task}/submission", json)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task The_coordinator_reads_accepts_walks_to_the_next_report_and_returns_it_and_the_unit_sees_why()
    {
        // Arrange: task 1 (稳定就业岗位) reported by 市财政局 with a file, and by 市人社局 twice (the second revises a figure).
        using HttpClient czj = Server.UnitClient("czj");
        using HttpClient rsj = Server.UnitClient("rsj");
        using (var file = new ByteArrayContent(Encoding.UTF8.GetBytes("%PDF-1.4 台账")))
        {
            file.Headers.ContentType = new("application/octet-stream");
            (await czj.PostAsync($"/api/me/obligations/1/attachments?name={Uri.EscapeDataString("稳岗返还台账.pdf")}", file)).EnsureSuccessStatusCode();
        }

        using (var contact = new StringContent("""{ "filler": "王芳", "phone": "0798-8222333", "approver": "李强" }""", Encoding.UTF8, "application/json"))
        {
            (await czj.PutAsync("/api/me/contact", contact)).EnsureSuccessStatusCode();
        }

        await SubmitAsync(czj, 1, "拨付稳岗返还资金2100万元，惠及企业860家。");
        using HttpClient fgw = Server.UnitClient("fgw");
        using (var lead = new StringContent("""{ "narrative": "改造老旧小区1.6万户。", "status": "按进度推进", "indicators": [ { "name": "今年完成2万户老旧小区改造", "value": 16000 } ] }""", Encoding.UTF8, "application/json"))
        {
            (await fgw.PostAsync("/api/me/obligations/6/submission", lead)).EnsureSuccessStatusCode();
        }

        await SubmitAsync(rsj, 1, "全市新增城镇就业1.2万人，完成年度目标的60%。");
        await SubmitAsync(rsj, 1, "全市新增城镇就业1.5万人，完成年度目标的75%。");
        (IPlaywright playwright, IBrowser browser) = await Chromium.LaunchAsync();
        try
        {
            IPage page = await browser.OpenPageAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = 1280, Height = 900 } });
            bool asked = false;
            page.Dialog += async (_, dialog) => { asked = true; await dialog.DismissAsync(); };
            await Server.SignInAsync(page, DevHostServer.Coordinator, "/coord");

            // Act: open 市财政局's cell, read it, accept it.
            await page.Locator("td.cell[data-unit='czj'][data-task='1'][data-state='submitted']").ClickAsync();
            ILocator pane = page.Locator("#review-pane");
            await pane.Locator(".review-title", new() { HasText = "市财政局" }).WaitForAsync();
            string narrative = await page.Locator("#review-narrative").InnerTextAsync();
            string contactLine = await page.Locator("#review-contact").InnerTextAsync();
            string files = await page.Locator("#review-files").InnerTextAsync();
            string fileLink = (await page.Locator("#review-files a.review-file").GetAttributeAsync("href"))!;
            await page.ShotAsync("review-pane-1280");
            await page.Locator("#review-accept").ClickAsync();
            await page.Locator("td.cell[data-unit='czj'][data-task='1'][data-state='accepted']").WaitForAsync(new() { Timeout = 15_000 });
            await page.Locator("#review-state", new() { HasText = "已审核" }).WaitForAsync();
            string acceptedCell = await page.Locator("td.cell[data-unit='czj'][data-task='1']").GetAttributeAsync("title") ?? string.Empty;

            // Walk to the next report of the same task: 市人社局's, whose second submission changed two figures.
            await page.Locator("#review-next").ClickAsync();
            await pane.Locator(".review-title", new() { HasText = "市人社局" }).WaitForAsync();
            string[] removed = [.. await page.Locator("#review-revisions del").AllInnerTextsAsync()];
            string[] added = [.. await page.Locator("#review-revisions ins").AllInnerTextsAsync()];
            string position = await page.Locator("#review-position").InnerTextAsync();

            // Return it without a reason (refused on the page), then with one.
            await page.Locator("#review-return").ClickAsync();
            string noReason = await page.Locator("#review-error").InnerTextAsync();
            await page.Locator("#review-reason").FillAsync("请补充分县（市、区）新增就业人数。");
            await page.Locator("#review-return").ClickAsync();
            await page.Locator("#review-pane .msg.err", new() { HasText = "退回理由：请补充分县" }).WaitForAsync(new() { Timeout = 15_000 });
            await page.Locator("td.cell[data-unit='rsj'][data-task='1']:not([data-state='submitted'])").WaitForAsync(new() { Timeout = 15_000 });
            await page.SetViewportSizeAsync(390, 844);
            await page.ShotAsync("review-pane-390");
            int paneOverflow = await pane.EvaluateAsync<int>("p => p.scrollWidth - p.clientWidth");
            float paneWidth = (await pane.BoundingBoxAsync())!.Width;
            int download = (await page.Context.APIRequest.GetAsync(new Uri(Server.BaseAddress, fileLink).ToString())).Status;

            // A lead unit's report: its indicator value against the plan's target.
            await page.SetViewportSizeAsync(1280, 900);
            await page.Locator("td.cell[data-unit='fgw'][data-task='6'][data-state='submitted']").ClickAsync();
            await pane.Locator(".review-title", new() { HasText = "市发改委" }).WaitForAsync();
            string indicators = await page.Locator("#review-pane table.review-indicators").InnerTextAsync();
            await page.ShotAsync("review-pane-indicators-1280");

            // The unit opens the link from the return mail.
            string link = await LinkFromMailAsync("*-returned-rsj-1-*.eml");
            IPage unitPage = await browser.OpenPageAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = 390, Height = 844 } });
            await unitPage.GotoAsync(link);
            string unitText = await unitPage.Locator("body").InnerTextAsync();

            // Assert
            narrative.Should().Be("拨付稳岗返还资金2100万元，惠及企业860家。");
            contactLine.Should().Be("填报人：王芳　联系电话：0798-8222333　审核领导：李强");
            indicators.Should().Contain("今年完成2万户老旧小区改造").And.Contain("16000户").And.Contain("（完成 80%）");
            files.Should().Contain("稳岗返还台账.pdf");
            download.Should().Be(200, "the file opens through the coordinator's ReadAttachment route");
            acceptedCell.Should().Contain("已审核");
            removed.Should().Contain(["1.2", "60"]);
            added.Should().Contain(["1.5", "75"]);
            position.Should().Be("第 2 / 2 份");
            noReason.Should().Be("请填写退回理由。");
            asked.Should().BeFalse("the pane asks nothing through browser dialogs");
            paneOverflow.Should().BeLessThanOrEqualTo(0, "no horizontal scroll inside the pane at 390 px");
            paneWidth.Should().BeLessThanOrEqualTo(390);
            unitText.Should().Contain("已退回").And.Contain("请补充分县（市、区）新增就业人数。");
            string audit = await Admin.GetStringAsync($"/api/audit?cycle={CycleId}");
            audit.Should().Contain("\"action\":\"acceptSubmission\"").And.Contain("\"action\":\"returnSubmission\"");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private async Task<string> LinkFromMailAsync(string pattern)
    {
        for (int i = 0; i < 300; i++)
        {
            string? file = Directory.GetFiles(MailFolder, pattern).FirstOrDefault();
            if (file is not null)
            {
                using MimeMessage mail = await MimeMessage.LoadAsync(file);
                return LinkInMail().Match(mail.HtmlBody ?? string.Empty).Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No mail {pattern} in {MailFolder}.");
    }

    [GeneratedRegex("href=\"(http[^\"]+/u\\?t=[^\"]+)\"")]
    private static partial Regex LinkInMail();
}
