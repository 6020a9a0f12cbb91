namespace SixStability.Core.Submissions;

/// <summary>What the coordinator must give when returning a report (退回) or deciding a unit's 延期申请.</summary>
public static class ReviewRules
{
    public const int MaxReturnReason = 1000;

    public static RuleViolation? CheckReturn(string? reason)
    {
        var errors = new List<FieldError>();
        TextRules.Check(reason, "reason", "退回理由", MaxReturnReason, required: true, errors);
        return errors.Count > 0 ? RuleViolation.Of($"请填写退回理由（不超过 {MaxReturnReason} 字）。", errors) : null;
    }

    public static RuleViolation? CheckDecision(bool? approve) =>
        approve is null ? RuleViolation.Field("approve", "必填。", "请说明是否同意（approve: true/false）。") : null;
}
