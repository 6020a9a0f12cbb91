namespace SixStability.Core.Plans;

/// <summary>Checks a catalog that arrives as JSON (a coordinator may edit the importer's output).</summary>
public static class PlanCatalogValidator
{
    public static IReadOnlyList<FieldError> Validate(PlanCatalog plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(plan.Title))
        {
            errors.Add(new("title", "方案标题不能为空。"));
        }

        if (plan.Sections is null || plan.Sections.Count == 0)
        {
            errors.Add(new("sections", "方案至少需要一个章节。"));
            return errors;
        }

        var taskNumbers = new HashSet<int>();
        for (int s = 0; s < plan.Sections.Count; s++)
        {
            PlanSection section = plan.Sections[s];
            string at = $"sections[{s}]";
            if (section.Number is < 1 or > 99)
            {
                errors.Add(new(at + ".number", "章节编号应在 1–99 之间。"));
            }

            if (string.IsNullOrWhiteSpace(section.Title))
            {
                errors.Add(new(at + ".title", "章节标题不能为空。"));
            }

            if (section.Tasks is null || section.Tasks.Count == 0)
            {
                errors.Add(new(at + ".tasks", "章节至少需要一个任务。"));
                continue;
            }

            for (int t = 0; t < section.Tasks.Count; t++)
            {
                PlanTask task = section.Tasks[t];
                string tat = $"{at}.tasks[{t}]";
                // Task numbers run through the plan (a 任务分工方案 may have hundreds of tasks).
                if (task.Number is < 1 or > ChineseNumerals.Max || !taskNumbers.Add(task.Number))
                {
                    errors.Add(new(tat + ".number", $"任务编号 {task.Number} 无效或重复。"));
                }

                if (string.IsNullOrWhiteSpace(task.Title) || task.Title.Length > 100)
                {
                    errors.Add(new(tat + ".title", "任务标题不能为空，且不超过 100 字。"));
                }

                if (task.Units is null || task.Units.Count == 0 || task.Units.Any(string.IsNullOrWhiteSpace))
                {
                    errors.Add(new(tat + ".units", "每个任务至少需要一个责任单位，且名称不能为空。"));
                }

                for (int i = 0; i < (task.Indicators?.Count ?? 0); i++)
                {
                    Indicator indicator = task.Indicators![i];
                    if (string.IsNullOrWhiteSpace(indicator.Name) || string.IsNullOrWhiteSpace(indicator.Unit) || indicator.Target < 0)
                    {
                        errors.Add(new($"{tat}.indicators[{i}]", "指标需要名称、单位和不小于 0 的目标值。"));
                    }
                }
            }
        }

        return errors;
    }
}
