namespace SixStability.Workflow.Ports;

/// <summary>Which group robots configuration holds a key for (<c>Channels:WeCom:Robots:*</c>, <c>Channels:DingTalk:Robots:*</c>).</summary>
public interface IRobotCatalog
{
    bool IsConfigured(ChannelKind kind, string robot);
}
