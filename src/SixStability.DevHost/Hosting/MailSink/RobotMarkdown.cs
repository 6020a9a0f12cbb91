using System.Text;
using System.Text.RegularExpressions;

namespace SixStability.DevHost.Hosting.MailSink;

/// <summary>
/// The markdown subset the product writes for group robots (### headings, **bold**, "- " items, [label](http(s) link),
/// paragraphs), drawn the way the robots draw it. Every line is HTML-encoded before any markdown is read, so a value
/// can never become markup.
/// </summary>
internal static partial class RobotMarkdown
{
    public static string ToHtml(string markdown)
    {
        var html = new StringBuilder();
        bool inList = false;
        foreach (string raw in (markdown ?? string.Empty).Split('\n'))
        {
            string line = WebUtility.HtmlEncode(raw.TrimEnd('\r'));
            bool item = line.StartsWith("- ", StringComparison.Ordinal);
            if (item != inList)
            {
                html.Append(item ? "<ul>" : "</ul>");
                inList = item;
            }

            if (line.Length == 0)
            {
                continue;
            }

            string inline = LinkPattern().Replace(BoldPattern().Replace(item ? line[2..] : line, "<strong>$1</strong>"), "<a href=\"$2\">$1</a>");
            html.Append(item ? $"<li>{inline}</li>"
                : line.StartsWith("### ", StringComparison.Ordinal) ? $"<h3>{inline[4..]}</h3>"
                : $"<p>{inline}</p>");
        }

        return html.Append(inList ? "</ul>" : string.Empty).ToString();
    }

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex BoldPattern();

    [GeneratedRegex(@"\[([^\]]+)\]\((https?://[^)\s""]+)\)")]
    private static partial Regex LinkPattern();
}
