namespace SixStability.Core.Units;

/// <summary>
/// A work group chat where a reader also hears of reminders and escalations (政务微信 / 企业微信 or 钉钉 / 浙政钉
/// group robot). The directory names the robot; its key, token and secret live in configuration
/// (<c>Channels:WeCom:Robots:{name}</c>, <c>Channels:DingTalk:Robots:{name}:AccessToken|Secret</c>), never here.
/// </summary>
/// <param name="Robot">The robot's name in configuration: lowercase letters, digits and underscores (Azure app settings allow no hyphen).</param>
/// <param name="Mobiles">Mainland mobile numbers to @ in that group (the unit's 联络员), if any.</param>
public sealed record ChannelAddress(ChannelKind Kind, string Robot, IReadOnlyList<string>? Mobiles = null)
{
    /// <summary>wecom:rsj_group — how the outbox and the coordinator's view name this robot.</summary>
    public string Name => $"{Kind.Key()}:{Robot}";
}

/// <summary>Which group robot: both take a webhook POST of JSON and answer errcode in a 200 body.</summary>
public enum ChannelKind
{
    /// <summary>企业微信 / 政务微信 group robot (<c>…/cgi-bin/webhook/send?key=KEY</c>).</summary>
    [JsonStringEnumMemberName("wecom")]
    WeCom,

    /// <summary>钉钉 / 浙政钉 custom robot, signed (<c>…/robot/send?access_token=TOKEN&amp;timestamp=…&amp;sign=…</c>).</summary>
    [JsonStringEnumMemberName("dingtalk")]
    DingTalk,
}

public static class ChannelKinds
{
    /// <summary>wecom, dingtalk: as the directory writes it.</summary>
    public static string Key(this ChannelKind kind) => kind switch
    {
        ChannelKind.WeCom => "wecom",
        ChannelKind.DingTalk => "dingtalk",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>企业微信, 钉钉: as a person reads it.</summary>
    public static string DisplayName(this ChannelKind kind) => kind switch
    {
        ChannelKind.WeCom => "企业微信",
        ChannelKind.DingTalk => "钉钉",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The configuration section a robot of this kind lives under (WeCom, DingTalk).</summary>
    public static string Section(this ChannelKind kind) => kind switch
    {
        ChannelKind.WeCom => "WeCom",
        ChannelKind.DingTalk => "DingTalk",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The configuration key an operator sets for this robot (its key, or its access token).</summary>
    public static string SettingFor(this ChannelKind kind, string robot) => kind switch
    {
        ChannelKind.WeCom => $"Channels:WeCom:Robots:{robot}",
        ChannelKind.DingTalk => $"Channels:DingTalk:Robots:{robot}:AccessToken",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
