namespace SixStability.Core.Plans.Documents;

/// <param name="Number">The table's place among the document's tables (表1, 表2 …).</param>
public sealed record PlanTable(int Number, IReadOnlyList<PlanTableRow> Rows) : PlanBlock;

/// <param name="Number">The row's place in its table, header rows included (the 第3行 a person counts).</param>
public sealed record PlanTableRow(int Number, IReadOnlyList<PlanTableCell> Cells)
{
    /// <summary>The cell that starts at a grid column, if any (a cell spanning from an earlier column does not count).</summary>
    public PlanTableCell? At(int column) => Cells.FirstOrDefault(c => c.Column == column);

    /// <summary>The cell covering a grid column, wherever it starts.</summary>
    public PlanTableCell? Covering(int column) => Cells.FirstOrDefault(c => c.Column <= column && column < c.Column + c.Span);
}

/// <param name="Column">The first grid column the cell covers (0-based).</param>
/// <param name="Span">How many grid columns it covers (Word's gridSpan).</param>
/// <param name="Text">Its paragraphs joined by line breaks; for a cell merged with the one above
/// (Word's vMerge), the text of the merged cell.</param>
/// <param name="MergedFromAbove">Whether it continues a vertically merged cell.</param>
public sealed record PlanTableCell(int Column, int Span, string Text, bool MergedFromAbove = false);
