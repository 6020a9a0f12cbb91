namespace SixStability.Core.Reports.Layout;

/// <param name="Share">The column's share of the table's width (the shares add up to 1).</param>
/// <param name="MinChars">Characters the column never gets narrower than, so a task name never wraps one character a line.</param>
/// <param name="Wants">Characters its longest value needs on one line (capped), when the page has room.</param>
public sealed record TableColumn(string Header, double Share, int MinChars, CellAlign Align = CellAlign.Left, double Wants = 0);

/// <param name="Group">A row naming a group (a plan section) across the whole table.</param>
public sealed record TableRow(IReadOnlyList<TableCell> Cells, bool Group = false)
{
    public static TableRow Of(params string[] cells) => new([.. (cells ?? []).Select(c => new TableCell(c))]);

    public static TableRow GroupOf(string title) => new([new TableCell(title)], Group: true);
}

public sealed record TableCell(string Text, Tone Tone = Tone.None);

public enum CellAlign
{
    Left,
    Center,
    Right,
}

/// <summary>The colours both renderings use: RAG, escalation levels, not rated.</summary>
public enum Tone
{
    None,
    Green,
    Amber,
    Orange,
    Red,
    Grey,
}
