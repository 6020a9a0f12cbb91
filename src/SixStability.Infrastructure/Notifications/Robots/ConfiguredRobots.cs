namespace SixStability.Infrastructure.Notifications.Robots;

/// <summary>The robots configuration holds a key for (a DingTalk robot needs at least its access token).</summary>
public sealed class ConfiguredRobots(IOptions<ChannelOptions> options) : IRobotCatalog
{
    public bool IsConfigured(ChannelKind kind, string robot) => kind switch
    {
        ChannelKind.WeCom => options.Value.WeComRobots.ContainsKey(robot),
        ChannelKind.DingTalk => options.Value.DingTalkRobots.ContainsKey(robot),
        _ => false,
    };
}
