using DocumentFormat.OpenXml.Wordprocessing;
using WTableCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;
using WTableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;

namespace SixStability.Workflow.Reports;

// Tables: header row repeated on every page, columns sized to their content, cells coloured as in the HTML.
public static partial class SummaryDocx
{
    /// <summary>
    /// A table in fixed layout: each column at its share of the text width but never under its minimum
    /// characters (the rest shrink to make room); the header row repeats on every page and rows do not split.
    /// </summary>
    private static Table Table(TableBlock t, int tableWidth)
    {
        int[] widths = Widths(t.Columns, tableWidth);
        static BorderType Border<T>()
            where T : BorderType, new() => new T { Val = BorderValues.Single, Size = 4U, Color = "000000" };

        var table = new Table(new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableJustification { Val = TableRowAlignmentValues.Center },
            new TableBorders(Border<TopBorder>(), Border<LeftBorder>(), Border<BottomBorder>(), Border<RightBorder>(), Border<InsideHorizontalBorder>(), Border<InsideVerticalBorder>()),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TopMargin { Width = "30", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = (short)(CellPadding / 2), Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "30", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = (short)(CellPadding / 2), Type = TableWidthValues.Dxa })));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));

        var header = new WTableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (int c = 0; c < t.Columns.Count; c++)
        {
            header.Append(Cell(t.Columns[c].Header, widths[c], ReportLook.HeadingFont, CellAlign.Center, ReportLook.HeaderFill));
        }

        table.Append(header);
        foreach (Core.Reports.Layout.TableRow row in t.Rows)
        {
            var tr = new WTableRow(new TableRowProperties(new CantSplit()));
            if (row.Group)
            {
                WTableCell group = Cell(row.Cells[0].Text, widths.Sum(), ReportLook.HeadingFont, CellAlign.Left, ReportLook.GroupFill);
                group.TableCellProperties!.InsertAfter(new GridSpan { Val = t.Columns.Count }, group.TableCellProperties.GetFirstChild<TableCellWidth>());

                // A plan section's row stays on the page of its first task (Word and LibreOffice keep a row whose paragraph keeps with the next).
                Paragraph label = group.GetFirstChild<Paragraph>()!;
                label.ParagraphProperties!.PrependChild(new KeepNext());
                tr.Append(group);
            }
            else
            {
                for (int c = 0; c < t.Columns.Count; c++)
                {
                    Core.Reports.Layout.TableCell cell = c < row.Cells.Count ? row.Cells[c] : new Core.Reports.Layout.TableCell(string.Empty);
                    tr.Append(Cell(cell.Text, widths[c], ReportLook.BodyFont, t.Columns[c].Align, ReportLook.Fill(cell.Tone), bold: cell.Tone != Tone.None));
                }
            }

            table.Append(tr);
        }

        return table;
    }

    /// <summary>Column widths in twips: characters allotted by <see cref="TableFit.Allot"/>, plus each cell's padding.</summary>
    private static int[] Widths(IReadOnlyList<TableColumn> columns, int tableWidth)
    {
        const int pad = CellPadding + 30;
        double available = (tableWidth - (columns.Count * pad)) / (double)TableCharTwips;
        return [.. TableFit.Allot(columns, available).Select(chars => (int)(chars * TableCharTwips) + pad)];
    }

    private static WTableCell Cell(string text, int width, string font, CellAlign align, string? fill, bool bold = false)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (fill is not null)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill });
        }

        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        var paragraph = new Paragraph(
            new ParagraphProperties(
                new SpacingBetweenLines { Line = "260", LineRule = LineSpacingRuleValues.Auto, Before = "0", After = "0" },
                new Justification { Val = align switch { CellAlign.Center => JustificationValues.Center, CellAlign.Right => JustificationValues.Right, _ => JustificationValues.Left } }),
            TextRun(text, font, TableSize, bold));
        return new WTableCell(properties, paragraph);
    }
}
