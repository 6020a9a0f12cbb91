namespace SixStability.Core.Notifications;

/// <summary>
/// Writes a robot message twice from the same blocks, as markdown and as plain text. Every value goes
/// through <see cref="Escape"/>: a unit or task name can never open a link, bold, quote, heading or a
/// WeCom <c>&lt;@userid&gt;</c> mention. Lists are cut to fit what a phone shows and what the robots accept.
/// </summary>
/// <param name="itemNoun">What one list item counts, for "……另有3项": 项 (tasks) or 个单位 (units).</param>
internal sealed class RobotText(string itemNoun = "项")
{
    /// <summary>WeCom markdown takes 4,096 bytes and text 2,048; stay well under both.</summary>
    public const int MaxMarkdownBytes = 3_600;

    public const int MaxTextBytes = 1_800;

    public const int MaxItems = 8;

    private readonly List<(string Markdown, string Text)> head = [];
    private readonly List<(string Markdown, string Text)> items = [];
    private readonly List<(string Markdown, string Text)> tail = [];

    public RobotText Heading(string text)
    {
        head.Add(($"### {Escape(text)}", text));
        return this;
    }

    /// <summary>A paragraph of parts; bold parts are the values a reader looks for (who, how many, by when).</summary>
    public RobotText Line(params (string Text, bool Bold)[] parts)
    {
        (tail.Count > 0 || items.Count > 0 ? tail : head).Add((
            string.Concat(parts.Select(p => p.Bold ? $"**{Escape(p.Text)}**" : Escape(p.Text))),
            string.Concat(parts.Select(p => p.Text))));
        return this;
    }

    public RobotText Item(string text)
    {
        items.Add(($"- {Escape(text)}", $"· {text}"));
        return this;
    }

    public RobotText Link(string label, Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        string target = url.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal);
        tail.Add(($"[{Escape(label)}]({target})", $"{label}：{url.AbsoluteUri}"));
        return this;
    }

    /// <summary>DingTalk shows an @ only when the number is written in the text too.</summary>
    public RobotText Mentions(IReadOnlyList<string> mobiles)
    {
        if (mobiles.Count > 0)
        {
            tail.Add((string.Join(" ", mobiles.Select(m => "@" + m)), string.Empty));
        }

        return this;
    }

    public RobotMessage Build(string title, IReadOnlyList<string> mobiles)
    {
        for (int shown = Math.Min(items.Count, MaxItems); ; shown--)
        {
            List<(string Markdown, string Text)> list = [.. items.Take(shown)];
            if (shown < items.Count)
            {
                string more = $"……另有{items.Count - shown}{itemNoun}，详见邮件";
                list.Add((Escape(more), more));
            }

            // Paragraphs apart, a list's items on consecutive lines (a tight list: short on a phone).
            IEnumerable<string> blocks = head.Select(l => l.Markdown)
                .Concat(list.Count > 0 ? [string.Join("\n", list.Select(l => l.Markdown))] : [])
                .Concat(tail.Select(l => l.Markdown));
            string markdown = string.Join("\n\n", blocks);
            string text = string.Join("\n", head.Concat(list).Concat(tail).Select(l => l.Text).Where(t => t.Length > 0));
            if (shown == 0 || (Encoding.UTF8.GetByteCount(markdown) <= MaxMarkdownBytes && Encoding.UTF8.GetByteCount(text) <= MaxTextBytes))
            {
                return new RobotMessage(title, markdown, text, mobiles);
            }
        }
    }

    /// <summary>
    /// Values are data: markdown's and WeCom's special characters become their full-width look-alikes (both
    /// robots ignore backslash escapes), line breaks become spaces.
    /// </summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(value.Length);
        foreach (char c in value)
        {
            sb.Append(c switch
            {
                '*' => '＊',
                '_' => '＿',
                '`' => '｀',
                '[' => '［',
                ']' => '］',
                '<' => '＜',
                '>' => '＞',
                '#' => '＃',
                '~' => '～',
                '|' => '｜',
                '\\' => '＼',
                '@' => '＠',
                _ when char.IsControl(c) => ' ',
                _ => c,
            });
        }

        return sb.ToString();
    }
}
