using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using SixStability.Core.Cycles;
using SixStability.Core.Reports;
using SixStability.Core.Rules;
using SixStability.Core.Text;
using SixStability.Workflow.Reports;
using W = DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace SixStability.Workflow.Tests.Reports;

/// <summary>
/// The sample plan's cycle played and closed, its report read in every format: the .docx as Word reads it,
/// the .xlsx as Excel reads it, the HTML and the JSON. The rendered files are kept in the test's output
/// folder (<c>rendered/</c>) for a person to open.
/// </summary>
public sealed class SummaryRenderingTests
{
    private static async Task<byte[]> ReadAsync(Workbench bench, string format)
    {
        Outcome<SummaryFile> file = await bench.Get<SummaryReports>().ReadAsync(Workbench.CycleId, format, CancellationToken.None);
        file.IsOk.Should().BeTrue(file.Message);
        byte[] bytes = file.Value!.Content.ToArray();
        string folder = Path.Combine(AppContext.BaseDirectory, "rendered");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, $"summary.{format}"), bytes);
        return bytes;
    }

    [Fact]
    public async Task The_docx_validates_and_is_a_gongwen_with_addressee_closing_signature_page_numbers_repeated_headers_colours_and_charts()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await ReportedCycle.PlayAsync(bench);

        byte[] docx = await ReadAsync(bench, "docx");

        using var stream = new MemoryStream(docx);
        using WordprocessingDocument doc = WordprocessingDocument.Open(stream, false);
        new OpenXmlValidator().Validate(doc).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").Should().BeEmpty();
        List<string> paragraphs = [.. doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText)];
        paragraphs.Should().ContainInOrder("关于2020年第三季度“六稳六保”工作落实情况的报告", "市人民政府：", "一、总体情况", "二、主要进展和成效", "三、存在的主要问题", "四、下一步工作打算", "五、报送和督办情况", "六、拟表扬和拟问责", "特此报告。", "附件：1.各项任务落实情况表", "市发改委（六稳六保工作专班）", "2020年10月23日", "附件1");
        paragraphs.Should().NotContain(p => p.StartsWith("市人民政府：根据", StringComparison.Ordinal), "the 主送 line stands alone");

        string footer = string.Concat(doc.MainDocumentPart.FooterParts.Single().Footer!.Descendants<SimpleField>().Select(f => f.Instruction!.Value));
        footer.Should().Contain("PAGE").And.Contain("NUMPAGES");
        doc.MainDocumentPart.FooterParts.Single().Footer!.InnerText.Should().Be("第 1 页 共 1 页", "the fields' placeholders until Word lays the pages out");

        List<W.Table> tables = [.. doc.MainDocumentPart.Document.Body.Descendants<W.Table>()];
        tables.Should().NotBeEmpty();
        tables.Should().AllSatisfy(t => t.Elements<W.TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>().Should().NotBeNull("the header row repeats on every page"));
        doc.MainDocumentPart.Document.Body.Descendants<Shading>().Select(s => s.Fill!.Value).Should().Contain(["C8E6C9", "FFF3B0", "FFCDD2"], "RAG colours as in the HTML");
        W.Table taskTable = tables.First(t => t.InnerText.Contains("未报送单位", StringComparison.Ordinal));
        int[] grid = [.. taskTable.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(c => int.Parse(c.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture))];
        grid[1].Should().BeGreaterThan(grid[0] * 2, "the task column is wider than the number column");
        grid.Should().AllSatisfy(w => w.Should().BeGreaterThan(2 * 210, "no column narrower than two characters"));

        doc.MainDocumentPart.ChartParts.Count().Should().BeGreaterThanOrEqualTo(3, "reporting per county and per department, indicators against target");
        doc.MainDocumentPart.ChartParts.Select(c => c.ChartSpace!.InnerText).Should().Contain(t => t.Contains("市直部门报送情况", StringComparison.Ordinal));
        doc.MainDocumentPart.Document.Body.Elements<Paragraph>().Count(p => p.Descendants<SectionProperties>().Any()).Should().Be(1, "the body is portrait, the annexes landscape");
    }

    [Fact]
    public async Task In_the_docx_each_heading_keeps_with_its_text_and_a_chart_keeps_only_with_its_note()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await ReportedCycle.PlayAsync(bench);

        byte[] docx = await ReadAsync(bench, "docx");

        using var stream = new MemoryStream(docx);
        using WordprocessingDocument doc = WordprocessingDocument.Open(stream, false);
        List<Paragraph> paragraphs = [.. doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()];
        Func<Paragraph, bool> kept = p => p.ParagraphProperties?.GetFirstChild<KeepNext>() is not null;
        paragraphs.Where(p => p.InnerText is "一、总体情况" or "二、主要进展和成效" or "三、存在的主要问题").Should().HaveCount(3).And.OnlyContain(p => kept(p));
        List<int> charts = [.. paragraphs.Select((p, i) => (p, i)).Where(x => x.p.Descendants<W.Drawing>().Any()).Select(x => x.i)];
        charts.Should().HaveCountGreaterThanOrEqualTo(3);
        charts.Where(i => kept(paragraphs[i])).Should().OnlyContain(
            i => paragraphs[i + 1].Descendants<W.FontSize>().Any(f => f.Val == "24"),
            "a chart kept with the next paragraph is kept with its note, never with a heading: a page-tall chart would leave the heading alone at a page's foot");
        List<W.TableRow> groupRows = [.. doc.MainDocumentPart.Document.Body.Descendants<W.TableRow>().Where(r => r.Descendants<GridSpan>().Any())];
        groupRows.Should().NotBeEmpty("the annex's task table is grouped by the plan's sections").And.OnlyContain(
            r => r.Descendants<Paragraph>().All(p => kept(p)), "a section's row stays on the page of its first task");
        Paragraph beforeProgress = paragraphs[paragraphs.FindIndex(p => p.InnerText == "二、主要进展和成效") - 1];
        beforeProgress.Descendants<W.Drawing>().Should().NotBeEmpty("section 一 ends with the departments' chart");
        kept(beforeProgress).Should().BeFalse();
    }

    [Fact]
    public async Task Every_lead_units_consolidated_sentence_is_in_every_format_and_no_sentence_is_cut()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        IReadOnlyList<Obligation> obligations = await ReportedCycle.PlayAsync(bench);

        string html = Encoding.UTF8.GetString(await ReadAsync(bench, "html"));
        string json = Encoding.UTF8.GetString(await ReadAsync(bench, "json"));
        using var stream = new MemoryStream(await ReadAsync(bench, "docx"));
        using WordprocessingDocument doc = WordprocessingDocument.Open(stream, false);
        string docx = doc.MainDocumentPart!.Document!.Body!.InnerText;
        string mail = bench.Mailer.Sent.Single(s => s.Batch.Kind == Core.Notifications.MailKind.Summary && s.Recipient.Key == "summary-0").Recipient.Mail.Html;

        List<Obligation> leads = [.. obligations.Where(o => o.IsLead && o.State == ObligationState.Submitted)];
        leads.Should().HaveCountGreaterThan(15);
        foreach (Obligation lead in leads)
        {
            foreach (string sentence in Sentences.Split(ReportedCycle.Narratives[(lead.UnitId, lead.TaskNumber)]))
            {
                html.Should().Contain(sentence);
                docx.Should().Contain(sentence);
                mail.Should().Contain(sentence);
                json.Should().Contain(sentence);
            }
        }

        // Whole sentences only: each account is the first sentences of what its unit wrote, and is printed whole.
        CycleSummary summary = JsonSerializer.Deserialize<CycleSummary>(json, Json.Options)!;
        foreach (UnitAccount account in summary.Tasks.SelectMany(t => (t.Accounts ?? []).Select(a => (t.Number, a))).Select(x => x.a))
        {
            int task = summary.Tasks.First(t => t.Accounts!.Contains(account)).Number;
            IReadOnlyList<string> written = Sentences.Split(ReportedCycle.Narratives[(account.UnitId, task)]);
            written.Select((_, n) => string.Concat(written.Take(n + 1))).Should().Contain(account.Progress);
            docx.Should().Contain(account.Progress);
        }

        // Tasks 16–19: the lead (市工信局) never reported, so its co-units speak, each under its name.
        docx.Should().Contain("牵头单位市工信局未报送。各责任单位报告：市商务局：市商务局配合推进任务16，落实具体措施2项。");
    }

    [Fact]
    public async Task The_xlsx_opens_with_one_row_per_obligation_what_each_unit_wrote_a_frozen_filtered_header_and_the_scores()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        IReadOnlyList<Obligation> obligations = await ReportedCycle.PlayAsync(bench);

        byte[] xlsx = await ReadAsync(bench, "xlsx");

        using var stream = new MemoryStream(xlsx);
        using SpreadsheetDocument book = SpreadsheetDocument.Open(stream, false);
        new OpenXmlValidator().Validate(book).Select(e => $"{e.Path?.XPath}: {e.Description}").Should().BeEmpty();
        WorkbookPart part = book.WorkbookPart!;
        List<Sheet> sheets = [.. part.Workbook!.Sheets!.Elements<Sheet>()];
        sheets.Select(s => s.Name!.Value).Should().Equal("汇总表", "单位得分");
        Worksheet rows = ((WorksheetPart)part.GetPartById(sheets[0].Id!)).Worksheet!;
        List<X.Row> data = [.. rows.GetFirstChild<SheetData>()!.Elements<X.Row>()];
        data.Should().HaveCount(obligations.Count + 1, "a header and one row per (unit, task)");
        string[] header = [.. data[0].Elements<Cell>().Select(c => c.InnerText)];
        header.Should().Equal(SummaryRows.Headers);
        rows.Descendants<Pane>().Single().State!.Value.Should().Be(PaneStateValues.Frozen);
        rows.GetFirstChild<AutoFilter>()!.Reference!.Value.Should().Be($"A1:S{obligations.Count + 1}");

        int narrative = Array.IndexOf(header, "工作进展");
        string[] written = [.. data.Skip(1).Select(r => r.Elements<Cell>().ElementAt(narrative).InnerText).Where(t => t.Length > 0)];
        written.Should().BeEquivalentTo(ReportedCycle.Narratives.Values, "every unit's text, in full");
        data.Skip(1).Select(r => r.Elements<Cell>().ElementAt(6).InnerText).Should().Contain("未报送");

        Worksheet scores = ((WorksheetPart)part.GetPartById(sheets[1].Id!)).Worksheet!;
        scores.GetFirstChild<SheetData>()!.Elements<X.Row>().Should().HaveCount(obligations.Select(o => o.UnitId).Distinct().Count() + 1);
    }

    [Fact]
    public async Task The_json_says_which_deadlines_were_met_and_scores_every_unit_by_the_cycles_rule()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await ReportedCycle.PlayAsync(bench);

        CycleSummary summary = JsonSerializer.Deserialize<CycleSummary>(await ReadAsync(bench, "json"), Json.Options)!;

        summary.Deadlines.Select(d => (d.Task, ReportedCycle.Day(d.Date), d.State)).Should().Equal(
            (1, "2020-06-30", DeadlineState.Met),
            (4, "2020-06-30", DeadlineState.Met),
            (5, "2020-06-30", DeadlineState.Met));
        summary.Units.Should().HaveCount(43);
        summary.Score!.Describe().Should().Be(ScoreRule.Default.Describe());
        summary.Accountable.Select(u => u.UnitId).Should().BeEquivalentTo(ReportedCycle.Silent, "they never reported and reached 红 at… no escalation ran here, so days late decide");
        summary.Commended.Should().OnlyContain(m => m.Score >= 2m);
        summary.Commended.Count.Should().BeLessThan(15, "reporting on time alone earns nothing");
    }
}
