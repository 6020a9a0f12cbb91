using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SixStability.Workflow.Reports.Year;

/// <summary>
/// The year as .xlsx (opens in Excel and WPS): sheet 年度排名, one row per unit in rank order with each
/// quarter's score and on-time rate, the year's totals, score and 拟表扬/拟问责 with the reason; sheet
/// 分季度明细, one row per unit and quarter, for filtering. Header frozen, numbers stored as numbers.
/// A year holds one row per unit, so the workbook is built in memory.
/// </summary>
public static class YearWorkbook
{
    public const string RankingSheet = "年度排名";
    public const string QuarterSheet = "分季度明细";

    private const uint HeaderStyle = 1;

    private static readonly string[] QuarterHeaders = ["名次", "单位", "季度", "状态", "应报送", "按时报送", "按时率（%）", "逾期", "其中未报送", "最高督办级别", "退回次数", "审核通过", "得分"];

    public static byte[] Write(YearReview year)
    {
        ArgumentNullException.ThrowIfNull(year);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            WorkbookPart book = document.AddWorkbookPart();
            book.Workbook = new Workbook(new Sheets());
            WorkbookStylesPart styles = book.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
            Sheet(book, 1, RankingSheet, RankingHeaders(year), RankingRows(year));
            Sheet(book, 2, QuarterSheet, QuarterHeaders, QuarterRows(year));
            document.PackageProperties.Title = $"{year.Year}年度各责任单位落实情况考评";
            document.PackageProperties.Creator = year.Reporter;
        }

        return stream.ToArray();
    }

    private static string[] RankingHeaders(YearReview year) =>
    [
        "名次", "单位", "类别",
        .. year.Quarters.SelectMany(q => new[] { $"{Q(q.Number)}得分", $"{Q(q.Number)}按时率（%）" }),
        "按时率（%）", "逾期", "退回次数", "审核通过", "最高督办级别", "年度得分", "拟表扬/拟问责", "理由",
    ];

    private static IEnumerable<object?[]> RankingRows(YearReview year)
    {
        var commended = year.Commended.ToDictionary(m => m.UnitId, StringComparer.Ordinal);
        var accountable = year.Accountable.ToDictionary(m => m.UnitId, StringComparer.Ordinal);
        foreach (UnitYear u in year.Units)
        {
            (string mention, string reason) = commended.TryGetValue(u.UnitId, out YearMention? c) ? ("拟表扬", c.Reason)
                : accountable.TryGetValue(u.UnitId, out YearMention? a) ? ("拟问责", a.Reason)
                : (string.Empty, string.Empty);
            yield return
            [
                u.Rank, u.Name, YearLayout.KindName(u.Kind),
                .. year.Quarters.SelectMany(q => u.In(q.Number) is { } uq ? new object?[] { uq.Score, uq.OnTimeRate } : [null, null]),
                u.OnTimeRate, u.LateTasks, u.Returns, u.Accepted, u.HighestLevel > 0 ? SummaryText.Level(u.HighestLevel) : string.Empty, u.Score, mention, reason,
            ];
        }
    }

    private static IEnumerable<object?[]> QuarterRows(YearReview year)
    {
        foreach (UnitYear u in year.Units)
        {
            foreach (UnitQuarter q in u.Quarters)
            {
                yield return
                [
                    u.Rank, u.Name, Q(q.Quarter), q.Open ? "进行中" : "已结束", q.Owed, q.OnTime, q.OnTimeRate, q.LateTasks, q.Missing,
                    q.HighestLevel > 0 ? SummaryText.Level(q.HighestLevel) : string.Empty, q.Returns, q.Accepted, q.Score,
                ];
            }
        }
    }

    private static string Q(int number) => $"{Core.Text.ChineseNumerals.Format(number)}季度";

    private static void Sheet(WorkbookPart book, uint id, string name, string[] headers, IEnumerable<object?[]> rows)
    {
        WorksheetPart part = book.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(Row(1, [.. headers], HeaderStyle));
        uint index = 1;
        foreach (object?[] row in rows)
        {
            data.Append(Row(++index, row, 0));
        }

        string last = Column(headers.Length - 1) + index.ToString(CultureInfo.InvariantCulture);
        part.Worksheet = new Worksheet(
            new SheetViews(new SheetView(new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0U }),
            new Columns(headers.Select((h, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = h == "理由" ? 60 : h == "单位" ? 20 : Math.Max(8, h.Length * 2.2), CustomWidth = true })),
            data,
            new AutoFilter { Reference = $"A1:{last}" });
        book.Workbook!.Sheets!.Append(new Sheet { Id = book.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static Row Row(uint index, object?[] values, uint style)
    {
        var row = new Row { RowIndex = index };
        for (int c = 0; c < values.Length; c++)
        {
            Cell cell = values[c] switch
            {
                null => new Cell(),
                int n => new Cell(new CellValue(n)) { DataType = CellValues.Number },
                decimal d => new Cell(new CellValue(d)) { DataType = CellValues.Number },
                object v => new Cell(new InlineString(new Text(v.ToString() ?? string.Empty))) { DataType = CellValues.InlineString },
            };
            cell.CellReference = Column(c) + index.ToString(CultureInfo.InvariantCulture);
            if (style != 0)
            {
                cell.StyleIndex = style;
            }

            row.Append(cell);
        }

        return row;
    }

    /// <summary>A, B, … Z, AA …: the column's letters.</summary>
    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column((index / 26) - 1) + (char)('A' + (index % 26));

    private static Stylesheet Styles() => new(
        new Fonts(
            new Font(new FontSize { Val = 11D }, new FontName { Val = "宋体" }, new FontCharSet { Val = 134 }),
            new Font(new Bold(), new FontSize { Val = 11D }, new FontName { Val = "宋体" }, new FontCharSet { Val = 134 })),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())),
        new CellFormats(
            new CellFormat { FontId = 0U, FillId = 0U, BorderId = 0U },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, WrapText = true }) { FontId = 1U, FillId = 0U, BorderId = 0U, ApplyFont = true, ApplyAlignment = true }));
}
