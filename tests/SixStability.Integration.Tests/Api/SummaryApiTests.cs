using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using MimeKit;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Api;

/// <summary>The quarterly summary: a live preview while open; at close stored, served in three forms and mailed with the .docx.</summary>
public sealed class SummaryApiTests : DemoCycleApiTest
{
    private async Task SubmitAsync(string unit, int task, string body)
    {
        using HttpClient client = Server.UnitClient(unit);
        using var json = new StringContent(body, Encoding.UTF8, "application/json");
        (await client.PostAsync($"/api/me/obligations/{task}/submission", json)).EnsureSuccessStatusCode();
    }

    private async Task CloseAsync()
    {
        (await Admin.PostAsync($"/api/cycles/{CycleId}/close", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
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

    [Fact]
    public async Task While_open_the_summary_is_a_preview_that_already_counts_a_submission()
    {
        await SubmitAsync("fgw", 6, """{ "narrative": "改造1.6万户。", "status": "按进度推进", "indicators": [ { "name": "今年完成2万户老旧小区改造", "value": 16000 } ] }""");

        JsonElement summary = await (await Admin.GetAsync($"/api/cycles/{CycleId}/summary?format=json")).JsonAsync();
        string html = await (await Admin.GetAsync($"/api/cycles/{CycleId}/summary?format=html")).Content.ReadAsStringAsync();

        summary.GetProperty("final").GetBoolean().Should().BeFalse();
        summary.GetProperty("overview").GetProperty("submitted").GetInt32().Should().Be(1);
        JsonElement task6 = summary.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("tasks").EnumerateArray()).Single(t => t.GetProperty("number").GetInt32() == 6);
        task6.GetProperty("reported").EnumerateArray().Select(e => e.GetString()).Should().Contain("市发改委");
        task6.GetProperty("indicators")[0].GetProperty("percent").GetDecimal().Should().Be(80m);
        html.Should().Contain("（预览）").And.Contain("本稿为预览稿").And.Contain("市人民政府：").And.Contain("改造1.6万户。");
    }

    [Fact]
    public async Task At_close_the_summary_is_stored_the_docx_validates_holds_the_json_numbers_and_is_mailed_to_the_government()
    {
        await SubmitAsync("fgw", 6, """{ "narrative": "改造1.6万户。", "status": "按进度推进", "indicators": [ { "name": "今年完成2万户老旧小区改造", "value": 16000 } ] }""");
        await SubmitAsync("rsj", 3, """{ "narrative": "培训1.2万人次", "status": "已完成" }""");

        await CloseAsync();
        JsonElement json = await (await Admin.GetAsync($"/api/cycles/{CycleId}/summary?format=json")).JsonAsync();
        using HttpResponseMessage docxResponse = await Admin.GetAsync($"/api/cycles/{CycleId}/summary?format=docx");
        byte[] docx = await docxResponse.Content.ReadAsByteArrayAsync();
        string html = await (await Admin.GetAsync($"/api/cycles/{CycleId}/summary?format=html")).Content.ReadAsStringAsync();

        docxResponse.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        using var stream = new MemoryStream(docx);
        using WordprocessingDocument document = WordprocessingDocument.Open(stream, false);
        new OpenXmlValidator().Validate(document).Should().BeEmpty();
        string text = document.MainDocumentPart!.Document!.Body!.InnerText;

        JsonElement overview = json.GetProperty("overview");
        string numbers = $"应报送落实情况{overview.GetProperty("obligations").GetInt32()}份，已报送{overview.GetProperty("submitted").GetInt32()}份";
        overview.GetProperty("submitted").GetInt32().Should().Be(2);
        text.Should().Contain(numbers).And.Contain("关于2020年第三季度“六稳六保”工作落实情况的报告").And.NotContain("预览");
        html.Should().Contain(numbers);
        foreach (JsonElement task in json.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("tasks").EnumerateArray()))
        {
            int reported = task.GetProperty("reported").GetArrayLength();
            text.Should().Contain($"{task.GetProperty("title").GetString()}{task.GetProperty("leadUnit").GetString()}{reported}/{reported + task.GetProperty("missing").GetArrayLength()}");
        }

        text.Should().Contain("今年完成2万户老旧小区改造累计2万户1.6万户80%序时75%超序时");
        text.Should().Contain("牵头单位市发改委汇总报告：改造1.6万户。").And.Contain("特此报告。").And.Contain("市发改委（六稳六保工作专班）");
        string mailFile = Directory.GetFiles(MailFolder, "*-summary-*.eml").Should().NotBeEmpty().And.Subject.First();
        using MimeMessage mail = await MimeMessage.LoadAsync(mailFile);
        MimePart attachment = mail.Attachments.OfType<MimePart>().Should().ContainSingle().Subject;
        attachment.FileName.Should().EndWith(".docx");
        using var attached = new MemoryStream();
        await attachment.Content!.DecodeToAsync(attached);
        attached.ToArray().Should().Equal(docx);
        (mail.HtmlBody ?? string.Empty).Should().Contain(numbers);
    }

    [Fact]
    public async Task The_xlsx_is_a_workbook_with_one_row_per_obligation_in_the_preview_and_after_the_close()
    {
        await SubmitAsync("fgw", 6, """{ "narrative": "改造1.6万户。", "status": "按进度推进", "difficulties": "资金到位偏慢。" }""");

        byte[] preview = await (await Admin.GetAsync($"/api/cycles/{CycleId}/summary?format=xlsx")).Content.ReadAsByteArrayAsync();
        await CloseAsync();
        using HttpResponseMessage closed = await Admin.GetAsync($"/api/cycles/{CycleId}/summary?format=xlsx");
        byte[] final = await closed.Content.ReadAsByteArrayAsync();

        closed.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        closed.Content.Headers.ContentDisposition!.FileNameStar.Should().EndWith("汇总表.xlsx");
        JsonElement summary = await (await Admin.GetAsync($"/api/cycles/{CycleId}/summary?format=json")).JsonAsync();
        int obligations = summary.GetProperty("overview").GetProperty("obligations").GetInt32();
        foreach ((byte[] book, string sheet) in new[] { (preview, "汇总表（预览）"), (final, "汇总表") })
        {
            using var stream = new MemoryStream(book);
            using SpreadsheetDocument xlsx = SpreadsheetDocument.Open(stream, false);
            new OpenXmlValidator().Validate(xlsx).Should().BeEmpty();
            Sheet first = xlsx.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().First();
            first.Name!.Value.Should().Be(sheet);
            SheetData rows = ((WorksheetPart)xlsx.WorkbookPart.GetPartById(first.Id!)).Worksheet!.GetFirstChild<SheetData>()!;
            rows.Elements<Row>().Should().HaveCount(obligations + 1, "a header and one row per obligation");
            rows.InnerText.Should().Contain("改造1.6万户。").And.Contain("资金到位偏慢。");
        }
    }

    [Fact]
    public async Task A_wrong_format_is_400_an_unknown_cycle_404_and_without_the_admin_key_401()
    {
        await (await Admin.GetAsync($"/api/cycles/{CycleId}/summary?format=pdf")).ShouldBeProblemAsync(400);
        await (await Admin.GetAsync("/api/cycles/jingdezhen-2019Q1/summary")).ShouldBeProblemAsync(404);
        await (await Server.Client().GetAsync($"/api/cycles/{CycleId}/summary")).ShouldBeProblemAsync(401);
    }
}
