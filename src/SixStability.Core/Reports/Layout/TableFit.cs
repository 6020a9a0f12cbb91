namespace SixStability.Core.Reports.Layout;

/// <summary>
/// Column widths that fit what the columns hold: a column of short values is as wide as its longest
/// value, a column of long text gets room in proportion but at least <see cref="LongTextMin"/>
/// characters, and a header may wrap to two lines. Widths are counted in characters of the table's font
/// (a Chinese character is one, a digit or Latin letter a little over half).
/// </summary>
public static class TableFit
{
    /// <summary>Long text (task names, reasons) never gets fewer characters a line than this.</summary>
    public const int LongTextMin = 5;

    /// <summary>No column asks for more than this share of a narrow table before sharing out what is left.</summary>
    public const int Cap = 18;

    /// <summary>Where the page is wide, a column of long text may have this many characters a line.</summary>
    public const int WideCap = 40;

    public static IReadOnlyList<TableColumn> Columns(IReadOnlyList<string> headers, IReadOnlyList<TableRow> rows, IReadOnlyList<CellAlign>? aligns = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var desired = new double[headers.Count];
        var wants = new double[headers.Count];
        var mins = new int[headers.Count];
        for (int c = 0; c < headers.Count; c++)
        {
            double natural = 0;
            foreach (TableRow row in rows.Where(r => !r.Group && c < r.Cells.Count))
            {
                natural = Math.Max(natural, Width(row.Cells[c].Text));
            }

            // A header of up to four characters stays on one line; a longer one may take two.
            double header = Width(headers[c]);
            int min = (int)Math.Ceiling(Math.Max(header <= 4 ? header : header / 2, Math.Min(natural, LongTextMin)));
            mins[c] = Math.Max(2, min);
            desired[c] = Math.Max(mins[c], Math.Min(Math.Max(natural, Math.Min(header, 8)), Cap));
            wants[c] = Math.Max(mins[c], Math.Min(Math.Max(natural, Math.Min(header, 8)), WideCap));
        }

        double total = desired.Sum();
        return [.. headers.Select((h, c) => new TableColumn(h, total == 0 ? 1.0 / headers.Count : desired[c] / total, mins[c], aligns is not null && c < aligns.Count ? aligns[c] : CellAlign.Left, wants[c]))];
    }

    /// <summary>
    /// Widths in characters for a table <paramref name="available"/> characters wide. Every column gets its
    /// minimum; then the narrowest wants are met first, so short values and names stop wrapping before long
    /// text takes the room; what is left goes to the columns still short of what they want, in proportion.
    /// </summary>
    public static double[] Allot(IReadOnlyList<TableColumn> columns, double available)
    {
        ArgumentNullException.ThrowIfNull(columns);
        double[] widths = [.. columns.Select(c => (double)c.MinChars)];
        double left = available - widths.Sum();
        if (left <= 0)
        {
            return widths;
        }

        double[] wants = [.. columns.Select((c, i) => Math.Max(widths[i], c.Wants > 0 ? c.Wants : c.MinChars))];
        foreach (int i in Enumerable.Range(0, columns.Count).OrderBy(i => wants[i]))
        {
            double need = wants[i] - widths[i];
            if (need <= 0)
            {
                continue;
            }

            if (wants[i] > LongTextMin * 2)
            {
                break; // long text from here on: it shares what is left instead
            }

            double give = Math.Min(need, left);
            widths[i] += give;
            left -= give;
        }

        double[] gaps = [.. wants.Select((w, i) => Math.Max(0, w - widths[i]))];
        double gap = gaps.Sum();
        double share = Math.Min(left, gap);
        for (int i = 0; i < columns.Count && gap > 0; i++)
        {
            widths[i] += share * gaps[i] / gap;
        }

        // Every want met and room to spare: the table still spans the page, in the columns' proportions.
        left -= share;
        for (int i = 0; i < columns.Count && left > 0; i++)
        {
            widths[i] += left * columns[i].Share;
        }

        return widths;
    }

    /// <summary>Width in characters of the table font: full-width (Chinese) 1, half-width 0.55.</summary>
    public static double Width(string? text) => (text ?? string.Empty).Sum(ch => ch < 0x2E80 ? 0.55 : 1.0);
}
