using Microsoft.Extensions.Configuration;

namespace SixStability.Infrastructure.Notifications.Robots;

/// <summary>
/// <c>Channels:*</c>: where the group robots live and their keys. Keys, tokens and secrets come from configuration
/// (Key Vault references in Azure), never from the directory, which names robots only.
/// </summary>
public sealed class ChannelOptions
{
    public const string DefaultWeComHost = "https://qyapi.weixin.qq.com";

    public const string DefaultDingTalkHost = "https://oapi.dingtalk.com";

    /// <summary><c>Channels:WeCom:Host</c>: the WeCom API (or a 政务微信 private deployment); tests point it at a local recorder.</summary>
    public string WeComHost { get; set; } = DefaultWeComHost;

    /// <summary><c>Channels:WeCom:Robots:{name}</c> = the webhook's key.</summary>
    public Dictionary<string, string> WeComRobots { get; } = new(StringComparer.Ordinal);

    /// <summary><c>Channels:DingTalk:Host</c>: the DingTalk API (or 浙政钉's); tests point it at a local recorder.</summary>
    public string DingTalkHost { get; set; } = DefaultDingTalkHost;

    /// <summary><c>Channels:DingTalk:Robots:{name}:AccessToken</c> and <c>:Secret</c> (加签; optional when the robot uses keywords or an IP allow-list).</summary>
    public Dictionary<string, DingTalkRobot> DingTalkRobots { get; } = new(StringComparer.Ordinal);

    /// <summary><c>Channels:Pace:Messages</c> / <c>Channels:Pace:Window</c>: each robot's allowance (20 a minute).</summary>
    public PacePolicy Pace { get; set; } = PacePolicy.Robots;

    /// <summary><c>Channels:MaxRetries</c>: quick retries of one request on a busy, rate-limited or failing robot.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary><c>Channels:FirstBackoff</c>: first wait between those retries; doubles, with jitter.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary><c>Channels:AttemptTimeout</c>: how long one request may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public static void Bind(ChannelOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        options.WeComHost = configuration["Channels:WeCom:Host"] is { Length: > 0 } wecom ? wecom : options.WeComHost;
        options.DingTalkHost = configuration["Channels:DingTalk:Host"] is { Length: > 0 } dingtalk ? dingtalk : options.DingTalkHost;
        foreach (IConfigurationSection robot in configuration.GetSection("Channels:WeCom:Robots").GetChildren())
        {
            if (!string.IsNullOrWhiteSpace(robot.Value))
            {
                options.WeComRobots[robot.Key] = robot.Value.Trim();
            }
        }

        foreach (IConfigurationSection robot in configuration.GetSection("Channels:DingTalk:Robots").GetChildren())
        {
            if (robot["AccessToken"] is { Length: > 0 } token && !string.IsNullOrWhiteSpace(token))
            {
                options.DingTalkRobots[robot.Key] = new DingTalkRobot(token.Trim(), string.IsNullOrWhiteSpace(robot["Secret"]) ? null : robot["Secret"]!.Trim());
            }
        }

        options.Pace = new PacePolicy(
            configuration.GetValue("Channels:Pace:Messages", options.Pace.Messages),
            configuration.GetValue("Channels:Pace:Window", options.Pace.Window));
        options.MaxRetries = configuration.GetValue("Channels:MaxRetries", options.MaxRetries);
        options.FirstBackoff = configuration.GetValue("Channels:FirstBackoff", options.FirstBackoff);
        options.AttemptTimeout = configuration.GetValue("Channels:AttemptTimeout", options.AttemptTimeout);
    }
}

/// <param name="Secret">The robot's 加签 secret (SEC…); null when the robot is secured by keywords or IP instead.</param>
public sealed record DingTalkRobot(string AccessToken, string? Secret);
