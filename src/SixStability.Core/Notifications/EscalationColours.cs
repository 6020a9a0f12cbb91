namespace SixStability.Core.Notifications;

/// <summary>Escalation levels are colour-coded: 1 黄色, 2 橙色, 3 红色.</summary>
public static class EscalationColours
{
    public static string Name(int level) => level switch
    {
        <= 1 => "黄色",
        2 => "橙色",
        _ => "红色",
    };
}
