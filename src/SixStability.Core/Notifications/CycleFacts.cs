namespace SixStability.Core.Notifications;

/// <summary>The facts every mail of a cycle shares.</summary>
public sealed record CycleFacts(string CycleId, string PlanTitle, Quarter Quarter, Contact Coordinator)
{
    /// <summary>2020年第三季度“六稳六保”落实情况.</summary>
    public string Topic => $"{Quarter.ChineseName}“六稳六保”落实情况";
}
