using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SixStability.DevHost.Hosting;

/// <summary>
/// A robot message from the sink as its group would see it: who sent it where, whom it @s, and the markdown drawn
/// the way the robots draw the subset the product writes (headings, bold, lists, links). Everything is HTML-encoded
/// before any markdown is read, so a value can never become markup here either.
/// </summary>
internal static partial class RobotSinkPages
{
    /// <summary>One line of the sink's list: time, channel, robot (and whom it @s), title, and what a group sees first.</summary>
    public sealed record Summary(DateTimeOffset ReceivedAt, string Channel, string Robot, string Mentions, string Title, string Preview);

    public static Summary Read(string path)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
        JsonElement root = doc.RootElement;
        JsonElement body = root.GetProperty("body");
        (string text, string[] mobiles) = Content(body);
        // DingTalk gives a title; a WeCom group sees the first lines, so the list shows those.
        string? given = body.TryGetProperty("markdown", out JsonElement md) && md.TryGetProperty("title", out JsonElement t) ? t.GetString() : null;
        string[] lines = [.. text.Split('\n').Where(l => l.Trim().Length > 0).Take(2).Select(l => l.TrimStart('#', ' ').Replace("**", string.Empty, StringComparison.Ordinal))];
        string preview = string.Join(" — ", lines);
        preview = preview.Length <= 80 ? preview : preview[..80] + "…";
        return new Summary(
            root.GetProperty("receivedAt").GetDateTimeOffset(),
            ChannelName(root.GetProperty("channel").GetString()),
            root.GetProperty("robot").GetString() ?? string.Empty,
            string.Join(" ", mobiles.Select(m => "@" + m)),
            given ?? lines.FirstOrDefault() ?? string.Empty,
            given ?? preview);
    }

    public static string Page(string path, Func<string, string> encode)
    {
        ArgumentNullException.ThrowIfNull(encode);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
        JsonElement body = doc.RootElement.GetProperty("body");
        Summary summary = Read(path);
        (string text, _) = Content(body);
        string type = body.GetProperty("msgtype").GetString() ?? string.Empty;
        string drawn = type == "markdown" ? Markdown(text) : $"<p style=\"white-space:pre-wrap\">{WebUtility.HtmlEncode(text)}</p>";
        return $"<p><a href=\"/dev/mail\">← 返回列表</a></p><table>"
            + $"<tr><th>渠道</th><td>{encode(summary.Channel)}群机器人</td></tr>"
            + $"<tr><th>机器人</th><td>{encode(summary.Robot)}</td></tr>"
            + $"<tr><th>时间</th><td>{summary.ReceivedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm:ss}</td></tr>"
            + $"<tr><th>消息类型</th><td>{encode(type)}</td></tr>"
            + $"<tr><th>@</th><td>{encode(summary.Mentions.Length > 0 ? summary.Mentions : "（无）")}</td></tr></table><hr>"
            + $"<div class=\"chat\"><div class=\"bubble\">{drawn}</div></div>";
    }

    /// <summary>The markdown subset the product writes: ### headings, **bold**, "- " items, [label](https or http link), paragraphs.</summary>
    public static string Markdown(string markdown)
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

    private static (string Text, string[] Mobiles) Content(JsonElement body)
    {
        if (body.TryGetProperty("markdown", out JsonElement md))
        {
            string text = (md.TryGetProperty("text", out JsonElement ding) ? ding : md.GetProperty("content")).GetString() ?? string.Empty;
            string[] at = body.TryGetProperty("at", out JsonElement a) && a.TryGetProperty("atMobiles", out JsonElement m) ? [.. m.EnumerateArray().Select(x => x.GetString() ?? string.Empty)] : [];
            return (text, at);
        }

        JsonElement plain = body.GetProperty("text");
        return (plain.GetProperty("content").GetString() ?? string.Empty,
            plain.TryGetProperty("mentioned_mobile_list", out JsonElement list) ? [.. list.EnumerateArray().Select(x => x.GetString() ?? string.Empty)] : []);
    }

    private static string ChannelName(string? channel) => channel switch
    {
        "wecom" => "企业微信",
        "dingtalk" => "钉钉",
        _ => channel ?? string.Empty,
    };

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex BoldPattern();

    [GeneratedRegex(@"\[([^\]]+)\]\((https?://[^)\s""]+)\)")]
    private static partial Regex LinkPattern();
}
