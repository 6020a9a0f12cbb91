using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SixStability.Workflow.Audit;

/// <summary>The audit trail as an .xlsx workbook (OpenXml SpreadsheetDocument): one sheet, one row per action, times in Beijing time.</summary>
public static class AuditWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly string[] Headings = ["时间（北京时间）", "操作人", "操作人编号", "角色", "方式", "操作", "报送周期", "对象", "操作前", "操作后", "说明", "来源地址"];

    private static readonly double[] Widths = [20, 16, 24, 14, 10, 14, 22, 24, 16, 16, 40, 18];

    public static byte[] Write(IReadOnlyList<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            WorkbookPart workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            WorksheetPart sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, Headings));
            uint index = 2;
            foreach (AuditEntry e in entries)
            {
                data.Append(Row(index++, [
                    ChinaTime.ToChina(e.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    e.ActorName,
                    e.ActorId,
                    e.Roles,
                    e.ActorKind switch { ActorKind.Key => "管理员密钥", ActorKind.System => "系统", _ => "登录" },
                    e.Action.Chinese(),
                    e.CycleId ?? string.Empty,
                    e.Subject,
                    e.Before ?? string.Empty,
                    e.After ?? string.Empty,
                    e.Detail ?? string.Empty,
                    e.ClientIp ?? string.Empty,
                ]));
            }

            var columns = new Columns();
            for (int i = 0; i < Widths.Length; i++)
            {
                columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Widths[i], CustomWidth = true });
            }

            // The heading row stays in view while scrolling.
            var views = new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 });
            sheetPart.Worksheet = new Worksheet(views, columns, data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "审计记录" }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Row Row(uint index, string[] values)
    {
        var row = new Row { RowIndex = index };
        for (int i = 0; i < values.Length; i++)
        {
            // Inline strings: a value that starts with = is text, never a formula.
            row.Append(new Cell
            {
                CellReference = Column(i) + index.ToString(CultureInfo.InvariantCulture),
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(XmlSafe(values[i])) { Space = SpaceProcessingModeValues.Preserve }),
            });
        }

        return row;
    }

    /// <summary>Without the characters XML cannot hold (controls, lone surrogates), which would make the file unreadable.</summary>
    private static string XmlSafe(string text)
    {
        var safe = new System.Text.StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                safe.Append(c).Append(text[++i]);
            }
            else if (!char.IsSurrogate(c) && (c >= 0x20 || c is '\t' or '\n' or '\r') && c is not ('\uFFFE' or '\uFFFF'))
            {
                safe.Append(c);
            }
        }

        return safe.ToString();
    }

    private static string Column(int index) => ((char)('A' + index)).ToString();
}
