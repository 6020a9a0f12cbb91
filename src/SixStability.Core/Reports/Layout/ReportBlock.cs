namespace SixStability.Core.Reports.Layout;

/// <summary>One piece of the report's body, in reading order.</summary>
public abstract record ReportBlock;

/// <summary>
/// A heading of the report's own numbering: level 1 一、 (黑体), level 2 （一） (楷体). The plan's sections
/// are named in these headings' words, never given competing numbers.
/// </summary>
public sealed record HeadingBlock(int Level, string Text) : ReportBlock;

/// <summary>A paragraph of body text (仿宋, first line indented); <paramref name="LeadIn"/> opens it in bold (1.稳定就业岗位。).</summary>
/// <param name="Note">Smaller, for a remark under a table or chart.</param>
public sealed record ParagraphBlock(string Text, string? LeadIn = null, bool Note = false) : ReportBlock;

public sealed record TableBlock(IReadOnlyList<TableColumn> Columns, IReadOnlyList<TableRow> Rows) : ReportBlock
{
    /// <summary>A table whose columns are sized to what they hold (<see cref="TableFit"/>).</summary>
    public static TableBlock Of(IReadOnlyList<string> headers, IReadOnlyList<TableRow> rows, IReadOnlyList<CellAlign>? aligns = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        return new TableBlock(TableFit.Columns(headers, rows, aligns), rows);
    }
}

/// <summary>A bar chart: SVG in the HTML, a native Word chart in the .docx.</summary>
public sealed record ChartBlock(BarChart Chart) : ReportBlock;
