namespace SixStability.DevHost.Hosting.MailSink;

/// <summary>
/// One group-robot message the DevHost's robot sink accepted (<see cref="RobotSink"/>), as the sink's pages show it:
/// who sent it where, whom it @s, its title and what a group sees first. Every value is text, encoded by the renderer.
/// </summary>
public sealed record SinkRobotMessage(string FileName, DateTimeOffset ReceivedAt, string Channel, string Robot, string Mentions, string Title, string Preview, string Type, string Text)
{
    public static SinkRobotMessage Load(string path)
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
        return new SinkRobotMessage(
            Path.GetFileName(path),
            root.GetProperty("receivedAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)),
            ChannelName(root.GetProperty("channel").GetString()),
            root.GetProperty("robot").GetString() ?? string.Empty,
            string.Join(" ", mobiles.Select(m => "@" + m)),
            given ?? lines.FirstOrDefault() ?? string.Empty,
            given ?? preview,
            body.GetProperty("msgtype").GetString() ?? string.Empty,
            text);
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
}
