namespace SixStability.Core.Plans;

/// <summary>What a plan must have before a cycle can run on it: a title, at least one task, and a responsible unit for every task.</summary>
public static class PlanRules
{
    public static RuleViolation? CheckUsable(PlanCatalog plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (string.IsNullOrWhiteSpace(plan.Title))
        {
            return RuleViolation.Field("title", "未找到方案标题（应为单独一行，以“方案”“意见”“措施”等结尾）。", "方案没有标题：请在文件开头写明方案标题。");
        }

        List<PlanTask> tasks = [.. plan.Tasks];
        if (tasks.Count == 0)
        {
            return RuleViolation.Field("tasks", "方案中没有找到任何带责任单位的任务。", "方案中没有任务：请检查文件是否为实施方案，或在审核时把事项标为任务并指定责任单位。");
        }

        List<PlanTask> orphaned = [.. tasks.Where(t => t.Units.Count == 0)];
        return orphaned.Count == 0
            ? null
            : RuleViolation.Of(
                $"以下任务没有责任单位：{string.Join("、", orphaned.Select(t => $"（{ChineseNumerals.Format(t.Number)}）{t.Title}"))}。",
                orphaned.Select(t => new FieldError($"tasks[{t.Number}].units", $"（{ChineseNumerals.Format(t.Number)}）{t.Title}没有责任单位。")));
    }
}
