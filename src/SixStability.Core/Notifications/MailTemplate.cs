using System.Text;
using System.Text.RegularExpressions;

namespace SixStability.Core.Notifications;

/// <summary>
/// A message shared by every recipient of a step, with <c>{{name}}</c> placeholders for what differs
/// (the unit's name, what it owes, its link). SendGrid fills them per personalization; SMTP and the
/// file sink fill them here.
/// </summary>
public sealed partial record MailTemplate(string Subject, string Html, string Text)
{
    public RenderedMail Render(IReadOnlyDictionary<string, MailValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new RenderedMail(
            Fill(Subject, values, html: false),
            Fill(Html, values, html: true),
            Fill(Text, values, html: false));
    }

    /// <summary>Rewrites the placeholders into another syntax (SendGrid substitution tags).</summary>
    public static string Rewrite(string template, Func<string, string> tag) =>
        Placeholder().Replace(template, m => tag(m.Groups["name"].Value));

    public IEnumerable<string> Names =>
        new[] { Subject, Html, Text }.SelectMany(t => Placeholder().Matches(t)).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal);

    private static string Fill(string template, IReadOnlyDictionary<string, MailValue> values, bool html) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups["name"].Value, out MailValue? v)
            ? (html ? v.Html : v.Text)
            : throw new KeyNotFoundException($"Mail value '{m.Groups["name"].Value}' is missing."));

    [GeneratedRegex(@"\{\{(?<name>[a-zA-Z][a-zA-Z0-9]*)\}\}")]
    private static partial Regex Placeholder();
}

/// <summary>A value as plain text (subject, text part) and as safe HTML (html part).</summary>
public sealed record MailValue(string Text, string Html)
{
    public static MailValue Of(string text) => new(text, System.Net.WebUtility.HtmlEncode(text));

    public static MailValue Of(int number) => Of(number.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static MailValue Link(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        string text = url.AbsoluteUri;
        string encoded = System.Net.WebUtility.HtmlEncode(text);
        return new(text, $"<a href=\"{encoded}\">{encoded}</a>");
    }

    /// <summary>A bulleted list: "- a" lines in text, &lt;ul&gt; in HTML.</summary>
    public static MailValue List(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var text = new StringBuilder();
        var html = new StringBuilder("<ul>");
        foreach (string item in items)
        {
            text.Append("  - ").Append(item).Append('\n');
            html.Append("<li>").Append(System.Net.WebUtility.HtmlEncode(item)).Append("</li>");
        }

        return new(text.ToString().TrimEnd('\n'), html.Append("</ul>").ToString());
    }

    /// <summary>A table: tab-separated lines in text, a bordered &lt;table&gt; in HTML.</summary>
    public static MailValue Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder(string.Join("　", header));
        var html = new StringBuilder("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\" style=\"border-collapse:collapse\"><tr>");
        foreach (string h in header)
        {
            html.Append("<th>").Append(System.Net.WebUtility.HtmlEncode(h)).Append("</th>");
        }

        html.Append("</tr>");
        foreach (IReadOnlyList<string> row in rows)
        {
            text.Append('\n').Append(string.Join("　", row));
            html.Append("<tr>");
            foreach (string cell in row)
            {
                html.Append("<td>").Append(System.Net.WebUtility.HtmlEncode(cell)).Append("</td>");
            }

            html.Append("</tr>");
        }

        return new(text.ToString(), html.Append("</table>").ToString());
    }
}

public sealed record RenderedMail(string Subject, string Html, string Text);
