namespace SixStability.Core.Plans.Review;

/// <summary>A unit or group an unknown name may mean, and why it is suggested (zh-CN).</summary>
public sealed record UnitSuggestion(
    string Name,
    string Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? UnitId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Group = null);
