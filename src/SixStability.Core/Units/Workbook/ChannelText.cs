namespace SixStability.Core.Units.Workbook;

/// <summary>
/// A unit's group robots in one spreadsheet cell, as a coordinator types them: <c>企业微信:counties @13800000001</c>,
/// several separated by <c>；</c>. The kind may be written <c>wecom</c>/<c>企业微信</c>/<c>政务微信</c> or
/// <c>dingtalk</c>/<c>钉钉</c>/<c>浙政钉</c>; the robot is its name in configuration; each <c>@</c> a mobile to mention.
/// </summary>
public static class ChannelText
{
    private static readonly char[] Separators = ['；', ';', '\n'];

    public static string Format(IReadOnlyList<ChannelAddress>? channels) =>
        channels is null or { Count: 0 }
            ? string.Empty
            : string.Join("；", channels.Select(c => $"{c.Kind.DisplayName()}:{c.Robot}" + string.Concat((c.Mobiles ?? []).Select(m => " @" + m))));

    public static IReadOnlyList<ChannelAddress>? Parse(string text, string at, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var channels = new List<ChannelAddress>();
        foreach (string part in (text ?? string.Empty).Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] words = part.Replace('：', ':').Split(' ', StringSplitOptions.RemoveEmptyEntries);
            int colon = words[0].IndexOf(':', StringComparison.Ordinal);
            ChannelKind? kind = colon > 0 ? KindOf(words[0][..colon]) : null;
            string[] mentions = words[1..];
            if (kind is null || colon == words[0].Length - 1 || mentions.Any(m => m.Length < 2 || m[0] is not ('@' or '＠')))
            {
                errors.Add(new(at, $"群机器人“{part}”的写法不对，应为“企业微信:机器人名”或“钉钉:机器人名 @手机号”。"));
                continue;
            }

            string[] mobiles = [.. mentions.Select(m => m[1..])];
            channels.Add(new ChannelAddress(kind.Value, words[0][(colon + 1)..], mobiles.Length == 0 ? null : mobiles));
        }

        return channels.Count == 0 ? null : channels;
    }

    private static ChannelKind? KindOf(string word) => word.Trim().ToLowerInvariant() switch
    {
        "wecom" or "企业微信" or "政务微信" => ChannelKind.WeCom,
        "dingtalk" or "钉钉" or "浙政钉" => ChannelKind.DingTalk,
        _ => null,
    };
}
