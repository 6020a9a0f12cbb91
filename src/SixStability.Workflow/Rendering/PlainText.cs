using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace SixStability.Workflow.Rendering;

/// <summary>
/// The plain-text part of a mail, read off its HTML so both parts always say the same: paragraphs
/// and rows become lines, list items "  - " lines, table cells are set apart by a full-width space.
/// Only for the markup our own components write.
/// </summary>
public static partial class PlainText
{
    // Marks a list item until the lines are trimmed (the decoded text itself never holds U+0001).
    private const string ListItem = "\u0001";

    // Marks a cell's end until the spaces a cell's markup holds around its text are gone.
    private const string CellEnd = "\u0002";

    public static string FromHtml(string html)
    {
        ArgumentNullException.ThrowIfNull(html);

        // Line breaks in the markup are only whitespace (as a browser reads them); tags make the lines.
        string text = Tag().Replace(SourceBreak().Replace(html, " "), m => m.Groups["name"].Value.ToUpperInvariant() switch
        {
            "BR" => "\n",
            "P" or "DIV" or "TABLE" or "UL" or "H1" or "H2" or "H3" when m.Value.StartsWith("</", StringComparison.Ordinal) => "\n\n",
            "TR" when m.Value.StartsWith("</", StringComparison.Ordinal) => "\n",
            "TD" or "TH" when m.Value.StartsWith("</", StringComparison.Ordinal) => CellEnd,
            "LI" when !m.Value.StartsWith("</", StringComparison.Ordinal) => ListItem,
            "LI" => "\n",
            _ => string.Empty,
        });
        text = WebUtility.HtmlDecode(CellSpace().Replace(text, "　"));
        var lines = new StringBuilder();
        int blank = 0;
        foreach (string raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            // The markup's indentation goes; a list item gets its own.
            string line = raw.Trim().Trim('　');
            line = line.StartsWith(ListItem, StringComparison.Ordinal) ? "  - " + line[ListItem.Length..].TrimStart() : line;
            if (line.Length == 0)
            {
                blank++;
                continue;
            }

            if (lines.Length > 0)
            {
                lines.Append(blank > 0 ? "\n\n" : "\n");
            }

            lines.Append(line);
            blank = 0;
        }

        return lines.ToString();
    }

    [GeneratedRegex(@"[ \t]*\u0002[ \t]*")]
    private static partial Regex CellSpace();

    [GeneratedRegex(@"[ \t]*\r?\n\s*")]
    private static partial Regex SourceBreak();

    [GeneratedRegex(@"</?(?<name>[a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")]
    private static partial Regex Tag();
}
