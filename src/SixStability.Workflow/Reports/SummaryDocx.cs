using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SixStability.Core.Reports;
using SixStability.Core.Text;
using static SixStability.Core.Reports.SummaryText;

namespace SixStability.Workflow.Reports;

/// <summary>
/// The summary as a Word document for filing, in the shape of a government report: A4, title in
/// 黑体, body in 仿宋, the overview paragraph, then the same tables as the HTML with the same numbers.
/// </summary>
public static class SummaryDocx
{
    private const string Heading = "SimHei";
    private const string Body = "FangSong";
    private static readonly string[] TaskHeader = ["序号", "任务", "牵头单位", "报送情况", "未报送单位", "自评（推进/滞后/完成）", "状态"];
    private static readonly string[] IndicatorHeader = ["任务", "指标", "目标", "完成值", "完成比例", "序时进度", "是否达序时"];
    private static readonly string[] DeadlineHeader = ["任务", "节点要求", "时限", "完成情况"];
    private static readonly string[] LateHeader = ["单位", "逾期报送（项）", "未报送（项）", "最长逾期（工作日）", "最高督办级别"];
    private static readonly string[] ChangeHeader = ["任务", "上季度", "本季度"];

    public static byte[] Render(CycleSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        using var stream = new MemoryStream();
        using (WordprocessingDocument doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            MainDocumentPart main = doc.AddMainDocumentPart();
            var body = new DocumentFormat.OpenXml.Wordprocessing.Body();
            main.Document = new Document(body);
            doc.PackageProperties.Title = Title(summary);
            doc.PackageProperties.Creator = summary.Reporter;

            body.Append(Para(Title(summary), Heading, 44, JustificationValues.Center, bold: true));
            body.Append(Para(Byline(summary), Body, 28, JustificationValues.Center));
            body.Append(Para(Overview(summary), Body, 32, JustificationValues.Both, indent: true));

            body.Append(Para("一、各项任务落实情况", Heading, 32));
            var tasks = new List<string[]> { TaskHeader };
            tasks.AddRange(summary.Tasks.Select(t => new[]
            {
                ChineseNumerals.Format(t.Number), t.Title, t.LeadUnit, Reporting(t), MissingUnits(t), SelfAssessment(t), Rag(t.Status),
            }));
            body.Append(Table(tasks));

            body.Append(Para("二、主要指标完成情况", Heading, 32));
            var indicators = new List<string[]> { IndicatorHeader };
            indicators.AddRange(summary.Tasks.SelectMany(t => t.Indicators.Select(i => new[]
            {
                ChineseNumerals.Format(t.Number), i.Name, Target(i), Reading(i), Percent(i), N(i.ExpectedPercent) + "%", OnPace(i),
            })));
            body.Append(Table(indicators));

            body.Append(Para("三、节点任务完成情况", Heading, 32));
            var deadlines = new List<string[]> { DeadlineHeader };
            deadlines.AddRange(summary.Deadlines.Select(d => new[] { TaskLabel(d.Task, d.TaskTitle), d.Text, Date(d.Date), Deadline(d.State) }));
            body.Append(deadlines.Count > 1 ? Table(deadlines) : Para("本季度末前无到期节点任务。", Body, 32, indent: true));

            body.Append(Para("四、逾期报送情况", Heading, 32));
            var late = new List<string[]> { LateHeader };
            late.AddRange(summary.LateUnits.Select(u => new[] { u.Name, I(u.LateTasks), I(u.MissingTasks), I(u.WorkingDaysLate), Level(u.HighestLevel) }));
            body.Append(late.Count > 1 ? Table(late) : Para("所有单位均按时报送。", Body, 32, indent: true));

            body.Append(Para("五、拟表扬和拟问责单位", Heading, 32));
            body.Append(Para("拟表扬：" + SummaryText.Mentions(summary.Commended), Body, 32, indent: true));
            body.Append(Para("拟问责：" + SummaryText.Mentions(summary.Accountable), Body, 32, indent: true));

            if (summary.Change is { } change)
            {
                body.Append(Para($"六、与{change.Previous.ChineseName}对比", Heading, 32));
                var changes = new List<string[]> { ChangeHeader };
                changes.AddRange(change.Tasks.Select(c => new[] { TaskLabel(c.Task, c.Title), Rag(c.Before), Rag(c.Now) }));
                body.Append(Table(changes));
            }

            // A4 portrait, 公文 margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm).
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588U, Right = 1474U, Header = 851U, Footer = 992U, Gutter = 0U }));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static Paragraph Para(string text, string font, int halfPoints, JustificationValues? align = null, bool bold = false, bool indent = false)
    {
        var properties = new ParagraphProperties();
        if (indent)
        {
            properties.Append(new Indentation { FirstLineChars = 200 });
        }

        if (align is { } a)
        {
            properties.Append(new Justification { Val = a });
        }

        var run = new Run(RunProps(font, halfPoints, bold), new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return new Paragraph(properties, run);
    }

    private static RunProperties RunProps(string font, int halfPoints, bool bold)
    {
        var props = new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font });
        if (bold)
        {
            props.Append(new Bold());
        }

        props.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        return props;
    }

    private static Table Table(List<string[]> rows)
    {
        static BorderType Border<T>()
            where T : BorderType, new() => new T { Val = BorderValues.Single, Size = 4U, Color = "000000" };

        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(Border<TopBorder>(), Border<LeftBorder>(), Border<BottomBorder>(), Border<RightBorder>(), Border<InsideHorizontalBorder>(), Border<InsideVerticalBorder>())));
        var grid = new TableGrid();
        for (int i = 0; i < rows[0].Length; i++)
        {
            grid.Append(new GridColumn());
        }

        table.Append(grid);
        for (int r = 0; r < rows.Count; r++)
        {
            var row = new TableRow();
            foreach (string cell in rows[r])
            {
                row.Append(new TableCell(new Paragraph(new Run(RunProps(r == 0 ? Heading : Body, 21, r == 0), new Text(cell) { Space = SpaceProcessingModeValues.Preserve }))));
            }

            table.Append(row);
        }

        return table;
    }
}
