using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace SixStability.Infrastructure.Notifications.Robots;

/// <summary>The JSON each robot's webhook takes.</summary>
public static class RobotRequests
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>
    /// WeCom: <c>markdown</c>; a message that must @ someone goes as <c>text</c> with <c>mentioned_mobile_list</c>,
    /// because WeCom markdown can @ only by user id (<c>&lt;@userid&gt;</c>), which the directory does not know.
    /// </summary>
    public static JsonObject WeCom(RobotMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Mobiles.Count == 0
            ? new JsonObject { ["msgtype"] = "markdown", ["markdown"] = new JsonObject { ["content"] = message.Markdown } }
            : new JsonObject
            {
                ["msgtype"] = "text",
                ["text"] = new JsonObject { ["content"] = message.Text, ["mentioned_mobile_list"] = Strings(message.Mobiles) },
            };
    }

    /// <summary>DingTalk: <c>markdown</c> with its title, and <c>at.atMobiles</c> (the numbers are in the text too).</summary>
    public static JsonObject DingTalk(RobotMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new JsonObject
        {
            ["msgtype"] = "markdown",
            ["markdown"] = new JsonObject { ["title"] = message.Title, ["text"] = message.Markdown },
            ["at"] = new JsonObject { ["atMobiles"] = Strings(message.Mobiles), ["isAtAll"] = false },
        };
    }

    public static HttpContent Content(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new StringContent(body.ToJsonString(Options), Encoding.UTF8, "application/json");
    }

    private static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode?)JsonValue.Create(v))];
}
