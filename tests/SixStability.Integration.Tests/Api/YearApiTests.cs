using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Api;

/// <summary>
/// The plan's year from four cycles of 2020 on Azurite (<see cref="YearCycles"/>, whose comment gives each unit's
/// score by hand): the JSON ranking, the .xlsx rows and the .docx's 表扬 and 问责 with reasons.
/// </summary>
public sealed class YearApiTests : DevHostApiTest
{
    protected override async Task ArrangeAsync()
    {
        await Server.LoadSamplesAsync();
        await YearCycles.SeedAsync(Server);
    }

    private async Task<JsonElement> YearAsync()
    {
        using HttpResponseMessage response = await Admin.GetAsync("/api/plans/jingdezhen/years/2020?format=json");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    [Fact]
    public async Task Four_quarters_rank_the_units_by_their_summed_scores_ties_sharing_a_place_and_name_whom_to_commend_and_hold_accountable()
    {
        JsonElement year = await YearAsync();

        JsonElement[] units = [.. year.GetProperty("units").EnumerateArray()];
        int n = units.Length;
        (string, decimal, int) Row(JsonElement u) => (u.GetProperty("unitId").GetString()!, u.GetProperty("score").GetDecimal(), u.GetProperty("rank").GetInt32());
        n.Should().BeGreaterThan(10, "every unit of the seed plan owes reports");
        Row(units[0]).Should().Be(("fgw", 3m, 1));
        units[1..^3].Select(Row).Should().OnlyContain(r => r.Item2 == 0m && r.Item3 == 2, "everyone else scores 0 and shares second place");
        units[1..^3].Select(u => u.GetProperty("unitId").GetString()).Should().Contain("rsj");
        units[^3..].Select(Row).Should().Equal(("czj", -0.5m, n - 2), ("flx", -2.5m, n - 1), ("lps", -5.5m, n));
        year.GetProperty("quarters").EnumerateArray().Select(q => (q.GetProperty("number").GetInt32(), q.GetProperty("open").GetBoolean()))
            .Should().Equal((1, false), (2, false), (3, false), (4, true));
        year.GetProperty("inProgress").GetBoolean().Should().BeTrue();

        JsonElement lps = units[^1];
        JsonElement[] lpsQuarters = [.. lps.GetProperty("quarters").EnumerateArray()];
        lpsQuarters.Select(q => q.GetProperty("score").GetDecimal()).Should().Equal(-0.5m, -1.5m, -3.5m, 0m);
        lpsQuarters.Select(q => q.GetProperty("highestLevel").GetInt32()).Should().Equal(0, 1, 3, 0);
        (lps.GetProperty("lateTasks").GetInt32(), lps.GetProperty("missing").GetInt32()).Should().Be((3, 1));
        int lpsOwedQ3 = lpsQuarters[2].GetProperty("owed").GetInt32();
        lpsQuarters[2].GetProperty("onTimeRate").GetDecimal().Should().Be(Math.Round((lpsOwedQ3 - 1) * 100m / lpsOwedQ3, 1, MidpointRounding.AwayFromZero));
        units[^2].GetProperty("returns").GetInt32().Should().Be(2);

        JsonElement fgw = units[0];
        int fgwOwed = fgw.GetProperty("owed").GetInt32();
        fgw.GetProperty("accepted").GetInt32().Should().Be(fgwOwed);
        year.GetProperty("commended").EnumerateArray().Select(m => (m.GetProperty("unitId").GetString(), m.GetProperty("reason").GetString()))
            .Should().Equal(
                ("fgw", $"四个季度均按时报送，无退回，未被督办，{fgwOwed}份报告均经审核通过，年度得分+3分"),
                ("rsj", $"四个季度均按时报送，无退回，未被督办，{units.Single(u => u.GetProperty("unitId").GetString() == "rsj").GetProperty("owed").GetInt32()}份报告均经审核通过，年度得分0分"));
        year.GetProperty("accountable").EnumerateArray().Select(m => (m.GetProperty("unitId").GetString(), m.GetProperty("reason").GetString()))
            .Should().Equal(
                ("lps", "全年3项任务逾期（其中1项未报送），最高升级至三级（红色），年度得分−5.5分"),
                ("flx", "全年3项任务逾期，退回修改2次，年度得分−2.5分"));
    }

    [Fact]
    public async Task The_xlsx_opens_with_one_ranked_row_per_unit_and_the_docx_names_the_commended_and_accountable_units_with_reasons()
    {
        JsonElement year = await YearAsync();
        using HttpResponseMessage xlsxResponse = await Admin.GetAsync("/api/plans/jingdezhen/years/2020?format=xlsx");
        using HttpResponseMessage docxResponse = await Admin.GetAsync("/api/plans/jingdezhen/years/2020?format=docx");
        byte[] xlsx = await xlsxResponse.Content.ReadAsByteArrayAsync();
        byte[] docx = await docxResponse.Content.ReadAsByteArrayAsync();
        if (Environment.GetEnvironmentVariable("SIXSTABILITY_SHOTS") is { Length: > 0 } shots)
        {
            Directory.CreateDirectory(shots);
            await File.WriteAllBytesAsync(Path.Combine(shots, "year-2020.docx"), docx);
            await File.WriteAllBytesAsync(Path.Combine(shots, "year-2020.xlsx"), xlsx);
        }

        xlsxResponse.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("jingdezhen-2020年度考评.xlsx");
        using (var stream = new MemoryStream(xlsx))
        using (SpreadsheetDocument book = SpreadsheetDocument.Open(stream, false))
        {
            new OpenXmlValidator().Validate(book).Should().BeEmpty();
            Sheet[] sheets = [.. book.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>()];
            sheets.Select(s => s.Name!.Value).Should().Equal("年度排名", "分季度明细");
            Row[] rows = [.. ((WorksheetPart)book.WorkbookPart.GetPartById(sheets[0].Id!)).Worksheet!.GetFirstChild<SheetData>()!.Elements<Row>()];
            string[] Cells(Row r) => [.. r.Elements<Cell>().Select(c => c.InnerText)];
            Cells(rows[0]).Should().Equal("名次", "单位", "类别", "一季度得分", "一季度按时率（%）", "二季度得分", "二季度按时率（%）", "三季度得分", "三季度按时率（%）", "四季度得分", "四季度按时率（%）", "按时率（%）", "逾期", "退回次数", "审核通过", "最高督办级别", "年度得分", "拟表扬/拟问责", "理由");
            rows.Should().HaveCount(year.GetProperty("units").GetArrayLength() + 1);
            Cells(rows[1])[..3].Should().Equal("1", "市发改委", "市直部门");
            Cells(rows[1])[16..18].Should().Equal("3", "拟表扬");
            string[] last = Cells(rows[^1]);
            last[1].Should().Be("乐平市政府");
            (last[3], last[5], last[7]).Should().Be(("-0.5", "-1.5", "-3.5"));
            last[15..].Should().Equal("三级（红色）", "-5.5", "拟问责", "全年3项任务逾期（其中1项未报送），最高升级至三级（红色），年度得分−5.5分");
        }

        docxResponse.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("jingdezhen-2020年度考评.docx");
        using (var stream = new MemoryStream(docx))
        using (WordprocessingDocument document = WordprocessingDocument.Open(stream, false))
        {
            new OpenXmlValidator().Validate(document).Should().BeEmpty();
            string text = document.MainDocumentPart!.Document!.Body!.InnerText;
            text.Should().Contain("关于2020年度“六稳六保”工作各责任单位落实情况的考评报告（预览）")
                .And.Contain("市人民政府：").And.Contain("三、拟表扬单位").And.Contain("四、拟问责单位").And.Contain("特此报告。");
            foreach (JsonElement m in year.GetProperty("commended").EnumerateArray().Concat(year.GetProperty("accountable").EnumerateArray()))
            {
                text.Should().Contain(m.GetProperty("name").GetString() + SixStability.Core.Reports.SummaryText.Points(m.GetProperty("score").GetDecimal()) + m.GetProperty("reason").GetString());
            }

            text.IndexOf("市发改委+3四个季度", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("四、拟问责单位", StringComparison.Ordinal), "the commended come under 表扬");
            text.IndexOf("乐平市政府−5.5全年", StringComparison.Ordinal).Should().BeGreaterThan(text.IndexOf("四、拟问责单位", StringComparison.Ordinal), "the accountable under 问责");
            document.MainDocumentPart.ChartParts.Should().NotBeEmpty("the year scores are drawn as a chart");
        }
    }

    [Theory]
    [InlineData("/api/plans/Bad_Id/years/2020", 400, "方案编号")]
    [InlineData("/api/plans/jingdezhen/years/20x0", 400, "年份")]
    [InlineData("/api/plans/jingdezhen/years/1999", 400, "年份")]
    [InlineData("/api/plans/jingdezhen/years/2020?format=pdf", 400, "格式")]
    [InlineData("/api/plans/jingdezhen/years/2021", 404, "2021年没有报送周期")]
    [InlineData("/api/plans/other/years/2020", 404, "没有报送周期")]
    public async Task A_bad_plan_year_or_format_is_a_problem_and_a_year_without_cycles_is_not_found(string path, int status, string says)
    {
        using HttpResponseMessage response = await Admin.GetAsync(path);

        ((int)response.StatusCode).Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain(says);
    }
}
