namespace SixStability.Workflow.Plans;

/// <summary>The one refusal every plan use case gives a malformed plan id.</summary>
internal static class PlanIdRule
{
    /// <summary>Null when <paramref name="planId"/> is a valid plan id; otherwise the refusal, naming it.</summary>
    public static Outcome<T>? Refuse<T>(string planId) => PlanIds.IsValid(planId)
        ? null
        : Outcome.Refused<T>(RuleViolation.Field("planId", "格式无效。", $"方案编号“{planId}”无效：只能使用小写字母、数字和连字符。"));
}
