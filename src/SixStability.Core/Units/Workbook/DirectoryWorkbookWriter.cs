using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SixStability.Core.Units.Workbook;

/// <summary>Writes the directory as an .xlsx a coordinator opens in Excel or WPS: bold frozen header, readable widths, text cells only (a phone stays 13800000000, not 1.38E+10).</summary>
internal static class DirectoryWorkbookWriter
{
    public static byte[] Write(UnitDirectory directory)
    {
        var leaders = directory.Leaders.ToDictionary(l => l.Id, StringComparer.Ordinal);
        var unitNames = directory.Units.ToDictionary(u => u.Id, u => u.Name, StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            WorkbookPart book = document.AddWorkbookPart();
            book.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook(new Sheets());
            AddStyles(book);
            AddSheet(book, DirectorySheets.Units, DirectorySheets.UnitColumns, [16, 34, 18, 12, 28, 10, 16, 14, 24, 30], directory.Units.Select(u => new[]
            {
                u.Id, u.FullName ?? string.Empty, u.Name, DirectorySheets.KindName(u.Kind), u.Email, u.ContactPerson ?? string.Empty, u.Phone ?? string.Empty,
                leaders.TryGetValue(u.Leader, out Leader? leader) ? leader.Name : u.Leader, DirectorySheets.List(u.Aliases), ChannelText.Format(u.Channels),
            }));
            AddSheet(book, DirectorySheets.Leaders, DirectorySheets.LeaderColumns, [14, 10, 36, 28, 30], directory.Leaders.Select(l => new[]
            {
                l.Id, l.Name, l.Title, l.Email, ChannelText.Format(l.Channels),
            }));
            AddSheet(book, DirectorySheets.Groups, DirectorySheets.GroupColumns, [26, 60, 30], directory.Groups.Select(g => new[]
            {
                g.Name, DirectorySheets.List(g.Members.Select(m => unitNames.GetValueOrDefault(m, m))), DirectorySheets.List(g.Aliases),
            }));
            AddSheet(book, DirectorySheets.Offices, DirectorySheets.OfficeColumns, [12, 30, 28, 10, 16, 30],
                new[] { (DirectorySheets.CoordinatorRole, directory.Coordinator), (DirectorySheets.SupervisionRole, directory.SupervisionOffice) }
                    .Concat(directory.SummaryRecipients.Select(r => (DirectorySheets.RecipientRole, r)))
                    .Select(o => new[] { o.Item1, o.Item2.Name, o.Item2.Email, o.Item2.Person ?? string.Empty, o.Item2.Phone ?? string.Empty, ChannelText.Format(o.Item2.Channels) }));
        }

        return stream.ToArray();
    }

    private static void AddSheet(WorkbookPart book, string name, string[] columns, double[] widths, IEnumerable<string[]> rows)
    {
        WorksheetPart part = book.AddNewPart<WorksheetPart>();
        var data = new SheetData(Row(1, columns, style: 1));
        uint index = 2;
        foreach (string[] row in rows)
        {
            data.Append(Row(index++, row, style: 0));
        }

        var frozen = new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 };
        part.Worksheet = new Worksheet(
            new SheetViews(frozen),
            new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })),
            data);
        Sheets sheets = book.Workbook.Sheets!;
        sheets.Append(new Sheet { Id = book.GetIdOfPart(part), SheetId = (uint)sheets.ChildElements.Count + 1, Name = name });
    }

    private static Row Row(uint index, string[] values, uint style) =>
        new(values.Select((v, i) => new Cell
        {
            CellReference = Column(i) + index,
            DataType = CellValues.InlineString,
            StyleIndex = style,
            InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(v) { Space = SpaceProcessingModeValues.Preserve }),
        }))
        { RowIndex = index };

    internal static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column((index / 26) - 1) + (char)('A' + (index % 26));

    /// <summary>Two formats: 0 plain text (@), 1 bold header; what Excel requires besides (one font, fill pair, border).</summary>
    private static void AddStyles(WorkbookPart book)
    {
        WorkbookStylesPart styles = book.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 })) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(
                new CellFormat { FontId = 0, NumberFormatId = 49, ApplyNumberFormat = true },
                new CellFormat { FontId = 1, NumberFormatId = 49, ApplyFont = true, ApplyNumberFormat = true })
            { Count = 2 });
    }
}
