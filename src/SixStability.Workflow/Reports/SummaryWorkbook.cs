using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SixStability.Workflow.Reports;

/// <summary>
/// The 汇总表 as .xlsx (SpreadsheetML through DocumentFormat.OpenXml; opens in Excel and WPS): sheet
/// 汇总表, one row per (unit, task) with all it reported, frozen header and filters; sheet 单位得分, one
/// row per unit with its score. Rows are streamed into the sheet (<see cref="OpenXmlWriter"/>) as they
/// are read, with inline strings, so no table of every text is built in memory first.
/// </summary>
public static class SummaryWorkbook
{
    private const uint Header = 1;
    private const uint TextCell = 2;
    private const uint NumberCell = 3;
    private const uint GreenCell = 4;
    private const uint AmberCell = 5;
    private const uint RedCell = 6;

    // Column widths in characters: long texts wrap at 40, the rest fit their values.
    private static readonly double[] RowWidths = [12, 6, 20, 16, 10, 7, 12, 10, 50, 36, 36, 30, 30, 11, 16, 8, 12, 7, 9];
    private static readonly double[] UnitWidths = [18, 10, 8, 8, 8, 8, 8, 9, 12, 7, 10, 10, 7, 50, 10];

    private static readonly string[] UnitHeaders =
    [
        "单位", "单位类别", "应报送", "已报送", "按时报送", "逾期报送", "未报送", "逾期工作日", "最高督办级别", "退回次数", "指标超进度或达标", "节点按期完成", "得分", "计分说明", "拟表扬/拟问责",
    ];

    public static async Task WriteAsync(Stream output, CycleSummary summary, IAsyncEnumerable<SummaryRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(rows);

        // The package is written part by part into a zip in create mode, so each sheet is compressed as its rows
        // arrive: System.IO.Packaging keeps a part's whole uncompressed XML in memory until the package closes,
        // which at 100,000 rows of text is hundreds of MB. The parts are the SDK's own elements, written by its writer.
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        string sheetName = summary.Final ? "汇总表" : "汇总表（预览）";
        int reportRows = 0;
        using (Stream sheet = Entry(zip, "xl/worksheets/sheet1.xml"))
        using (OpenXmlWriter writer = OpenXmlWriter.Create(sheet, Encoding.UTF8))
        {
            Start(writer, RowWidths);
            WriteRow(writer, 1, [.. SummaryRows.Headers.Select(h => (h, Header))]);
            await foreach (SummaryRow r in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                reportRows++;
                WriteRow(writer, reportRows + 1,
                [
                    (r.Section, TextCell), (r.TaskNumber, NumberCell), (r.Task, TextCell), (r.Unit, TextCell), (r.UnitKind, TextCell), (r.Role, TextCell),
                    (r.State, StateStyle(r.State)), (r.SelfAssessment, TextCell), (r.Narrative, TextCell), (r.Difficulties, TextCell), (r.NextSteps, TextCell),
                    (r.Indicators, TextCell), (r.Deadlines, TextCell), (r.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), TextCell), (r.SubmittedAt, TextCell),
                    (r.WorkingDaysLate, NumberCell), (r.Level, TextCell), (r.Returns, NumberCell), (r.Review, TextCell),
                ]);
            }

            End(writer, SummaryRows.Headers.Count, reportRows + 1);
        }

        List<UnitStanding> units = [.. (summary.Units ?? []).OrderByDescending(u => u.Score.Total).ThenBy(u => u.UnitId, StringComparer.Ordinal)];
        var commended = summary.Commended.Select(m => m.UnitId).ToHashSet(StringComparer.Ordinal);
        var accountable = summary.Accountable.Select(m => m.UnitId).ToHashSet(StringComparer.Ordinal);
        using (Stream sheet = Entry(zip, "xl/worksheets/sheet2.xml"))
        using (OpenXmlWriter writer = OpenXmlWriter.Create(sheet, Encoding.UTF8))
        {
            Start(writer, UnitWidths);
            WriteRow(writer, 1, [.. UnitHeaders.Select(h => (h, Header))]);
            for (int i = 0; i < units.Count; i++)
            {
                UnitStanding u = units[i];
                UnitCycleFacts f = u.Facts;
                string mention = commended.Contains(u.UnitId) ? "拟表扬" : accountable.Contains(u.UnitId) ? "拟问责" : string.Empty;
                WriteRow(writer, i + 2,
                [
                    (u.Name, TextCell), (Kind(u.Kind), TextCell), (f.Obligations, NumberCell), (f.Submitted, NumberCell), (f.OnTime, NumberCell), (f.Late, NumberCell),
                    (f.Missing, f.Missing > 0 ? RedCell : NumberCell), (f.WorkingDaysLate, NumberCell), (f.HighestLevel > 0 ? SummaryText.Level(f.HighestLevel) : string.Empty, TextCell),
                    (f.Returns, NumberCell), (f.IndicatorsAhead, NumberCell), (f.DeadlinesMet, NumberCell), (u.Score.Total, NumberCell), (u.Score.Reasons(max: 10), TextCell),
                    (mention, mention == "拟表扬" ? GreenCell : mention == "拟问责" ? RedCell : TextCell),
                ]);
            }

            End(writer, UnitHeaders.Length, units.Count + 1);
        }

        var workbook = new Workbook(
            new BookViews(new WorkbookView()),
            new Sheets(
                new Sheet { Name = sheetName, SheetId = 1U, Id = "rId1" },
                new Sheet { Name = "单位得分", SheetId = 2U, Id = "rId2" }),
            new DefinedNames(
                FilterName(0, sheetName, SummaryRows.Headers.Count, reportRows + 1),
                FilterName(1, "单位得分", UnitHeaders.Length, units.Count + 1)));
        Part(zip, "xl/workbook.xml", workbook);
        Part(zip, "xl/styles.xml", Styles());
        Text(zip, "xl/_rels/workbook.xml.rels", Relationships(
            ("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", "worksheets/sheet1.xml"),
            ("rId2", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", "worksheets/sheet2.xml"),
            ("rId3", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml")));
        Text(zip, "_rels/.rels", Relationships(
            ("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml"),
            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml")));
        Text(zip, "docProps/core.xml", CoreProperties(SummaryText.Title(summary) + "·汇总表", summary.Reporter));
        Text(zip, "[Content_Types].xml", ContentTypes);
    }

    private const string ContentTypes =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        + "<Override PartName=\"/xl/worksheets/sheet2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        + "</Types>";

    private static Stream Entry(ZipArchive zip, string name) => zip.CreateEntry(name, CompressionLevel.Optimal).Open();

    private static void Part(ZipArchive zip, string name, OpenXmlElement root)
    {
        using Stream part = Entry(zip, name);
        using OpenXmlWriter writer = OpenXmlWriter.Create(part, Encoding.UTF8);
        writer.WriteStartDocument(true);
        writer.WriteElement(root);
    }

    private static void Text(ZipArchive zip, string name, string xml)
    {
        using var writer = new StreamWriter(Entry(zip, name), new UTF8Encoding(false));
        writer.Write(xml);
    }

    private static string Relationships(params (string Id, string Type, string Target)[] relationships)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        foreach ((string id, string type, string target) in relationships)
        {
            xml.Append(CultureInfo.InvariantCulture, $"<Relationship Id=\"{id}\" Type=\"{type}\" Target=\"{target}\"/>");
        }

        return xml.Append("</Relationships>").ToString();
    }

    private static string CoreProperties(string title, string creator) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
        + $"<dc:title>{System.Security.SecurityElement.Escape(title)}</dc:title><dc:creator>{System.Security.SecurityElement.Escape(creator)}</dc:creator>"
        + "</cp:coreProperties>";

    /// <summary>The sheet up to its rows: the header row frozen, the column widths.</summary>
    private static void Start(OpenXmlWriter writer, double[] widths)
    {
        writer.WriteStartDocument(true);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue>([new StringValue("A2")]) })
        { WorkbookViewId = 0U }));
        writer.WriteElement(new SheetFormatProperties { DefaultRowHeight = 15D });
        writer.WriteElement(new Columns(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })));
        writer.WriteStartElement(new SheetData());
    }

    /// <summary>After the rows: the filter over the whole table.</summary>
    private static void End(OpenXmlWriter writer, int columns, int lastRow)
    {
        writer.WriteEndElement(); // sheetData
        writer.WriteElement(new AutoFilter { Reference = $"A1:{Column(columns - 1)}{lastRow.ToString(CultureInfo.InvariantCulture)}" });
        writer.WriteEndElement(); // worksheet
    }

    private static void WriteRow(OpenXmlWriter writer, int index, (object Value, uint Style)[] cells)
    {
        writer.WriteStartElement(new Row { RowIndex = (uint)index });
        for (int c = 0; c < cells.Length; c++)
        {
            string reference = Column(c) + index.ToString(CultureInfo.InvariantCulture);
            (object value, uint style) = cells[c];
            Cell cell = value switch
            {
                int n => new Cell(new CellValue(n)) { DataType = CellValues.Number },
                decimal d => new Cell(new CellValue(d)) { DataType = CellValues.Number },
                _ => new Cell(new InlineString(new Text(value?.ToString() ?? string.Empty) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString },
            };
            cell.CellReference = reference;
            cell.StyleIndex = style;
            writer.WriteElement(cell);
        }

        writer.WriteEndElement();
    }

    private static DefinedName FilterName(uint sheet, string name, int columns, int lastRow) =>
        new($"'{name}'!$A$1:${Column(columns - 1)}${lastRow.ToString(CultureInfo.InvariantCulture)}") { Name = "_xlnm._FilterDatabase", LocalSheetId = sheet, Hidden = true };

    private static uint StateStyle(string state) => state switch
    {
        "已报送" => GreenCell,
        "逾期报送" => AmberCell,
        _ when state.StartsWith("未报送", StringComparison.Ordinal) => RedCell,
        _ => TextCell,
    };

    private static string Kind(Core.Units.UnitKind? kind) => kind switch
    {
        Core.Units.UnitKind.CountyGovernment => "县（市、区）",
        Core.Units.UnitKind.ParkCommittee => "园区",
        Core.Units.UnitKind.Department => "市直部门",
        _ => string.Empty,
    };

    /// <summary>A, B, … Z, AA …: the column's letters.</summary>
    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column((index / 26) - 1) + (char)('A' + (index % 26));

    private static Stylesheet Styles()
    {
        static Border Thin() => new(
            new LeftBorder { Style = BorderStyleValues.Thin },
            new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin },
            new BottomBorder { Style = BorderStyleValues.Thin },
            new DiagonalBorder());
        static Fill Solid(string rgb) => new(new PatternFill(new ForegroundColor { Rgb = "FF" + rgb }, new BackgroundColor { Indexed = 64U }) { PatternType = PatternValues.Solid });
        static CellFormat Format(uint font, uint fill, bool wrap, HorizontalAlignmentValues? horizontal = null) =>
            new(new Alignment { WrapText = wrap, Vertical = VerticalAlignmentValues.Top, Horizontal = horizontal })
            {
                FontId = font,
                FillId = fill,
                BorderId = 1U,
                ApplyFont = true,
                ApplyFill = fill > 0,
                ApplyBorder = true,
                ApplyAlignment = true,
            };

        return new Stylesheet(
            new Fonts(
                new Font(new FontSize { Val = 11D }, new FontName { Val = "宋体" }, new FontCharSet { Val = 134 }),
                new Font(new Bold(), new FontSize { Val = 11D }, new FontName { Val = "宋体" }, new FontCharSet { Val = 134 })),
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                Solid("D9E1F2"),
                Solid("C8E6C9"),
                Solid("FFF3B0"),
                Solid("FFCDD2")),
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), Thin()),
            new CellStyleFormats(new CellFormat { FontId = 0U, FillId = 0U, BorderId = 0U }),
            new CellFormats(
                new CellFormat { FontId = 0U, FillId = 0U, BorderId = 0U },
                Format(1U, 2U, wrap: true, HorizontalAlignmentValues.Center),
                Format(0U, 0U, wrap: true),
                Format(0U, 0U, wrap: false, HorizontalAlignmentValues.Right),
                Format(0U, 3U, wrap: true),
                Format(0U, 4U, wrap: true),
                Format(0U, 5U, wrap: true)),
            new CellStyles(new CellStyle { Name = "常规", FormatId = 0U, BuiltinId = 0U }));
    }
}
