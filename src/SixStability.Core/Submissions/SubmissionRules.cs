namespace SixStability.Core.Submissions;

/// <summary>What a valid report of one task is: the narrative, a self-assessment, the lead unit's indicator values.</summary>
public static class SubmissionRules
{
    public const int MaxNarrative = 5000;
    public const int MaxText = 2000;
    public const int MaxDeadlineReason = 500;
    public const string Summary = "报送内容有误，请按提示修改。";

    /// <summary>
    /// Null when <paramref name="form"/> may be stored. A draft needs nothing yet but what it holds must
    /// still be valid; a submission needs the narrative and the self-assessment. Only the task's own
    /// indicators (given to the lead unit) may carry values, each once, none negative. Only the
    /// <paramref name="deadlines"/> asked of this unit (the lead's, <see cref="Reports.DeadlineQuestions"/>)
    /// may be answered, each once, 未按期完成 with its reason; a submission that sends answers answers them all.
    /// </summary>
    public static RuleViolation? Check(SubmissionForm? form, IReadOnlyList<Indicator> indicators, bool draft, IReadOnlyList<TaskDeadline>? deadlines = null)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        if (form is null)
        {
            return RuleViolation.Field("body", "请求体为空。");
        }

        bool required = !draft;
        var errors = new List<FieldError>();
        TextRules.Check(form.Narrative, "narrative", "工作进展", MaxNarrative, required, errors);
        TextRules.Check(form.Difficulties, "difficulties", "存在困难", MaxText, required: false, errors);
        TextRules.Check(form.NextSteps, "nextSteps", "下一步打算", MaxText, required: false, errors);
        if ((required || form.Status is not null) && (form.Status is null || !ReportedFigures.Statuses.Contains(form.Status)))
        {
            errors.Add(new("status", "自评状态应为“按进度推进”“滞后”或“已完成”。"));
        }

        IReadOnlyList<IndicatorReading> values = form.Indicators ?? [];
        for (int i = 0; i < values.Count; i++)
        {
            IndicatorReading? v = values[i];
            if (v is null || !indicators.Any(x => x.Name == v.Name))
            {
                errors.Add(new($"indicators[{i}].name", "不是本任务的指标（只有牵头单位填报指标）。"));
            }
            else if (v.Value is < 0 or > 1e15m)
            {
                errors.Add(new($"indicators[{i}].value", "应为不小于 0 的数值。"));
            }
        }

        if (values.Where(v => v is not null).GroupBy(v => v.Name, StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            errors.Add(new("indicators", "同一指标只能填一次。"));
        }

        IReadOnlyList<string> cleared = form.ClearIndicators ?? [];
        for (int i = 0; i < cleared.Count; i++)
        {
            if (!indicators.Any(x => x.Name == cleared[i]))
            {
                errors.Add(new($"clearIndicators[{i}]", "不是本任务的指标。"));
            }
        }

        CheckDeadlines(form.Deadlines, deadlines ?? [], required, errors);

        return errors.Count > 0 ? RuleViolation.Of(Summary, errors) : null;
    }

    private static void CheckDeadlines(IReadOnlyList<DeadlineAnswer>? answers, IReadOnlyList<TaskDeadline> asked, bool required, List<FieldError> errors)
    {
        if (answers is null)
        {
            return; // a client written before deadlines were asked: the report says the lead did not answer
        }

        for (int i = 0; i < answers.Count; i++)
        {
            DeadlineAnswer? a = answers[i];
            if (a is null || !asked.Any(d => d.Date == a.Date))
            {
                errors.Add(new($"deadlines[{i}].date", "不是本任务本季度需说明的节点（只有牵头单位说明节点完成情况）。"));
                continue;
            }

            if (!DeadlineAnswer.Answers.Contains(a.Answer))
            {
                errors.Add(new($"deadlines[{i}].answer", "应为“已按期完成”“未按期完成”或“尚未到期”。"));
            }
            else if (a.Answer == DeadlineAnswer.Missed && string.IsNullOrWhiteSpace(a.Reason))
            {
                errors.Add(new($"deadlines[{i}].reason", "未按期完成的，请说明原因。"));
            }

            TextRules.Check(a.Reason, $"deadlines[{i}].reason", "原因说明", MaxDeadlineReason, required: false, errors);
        }

        if (answers.Where(a => a is not null).GroupBy(a => a.Date).Any(g => g.Count() > 1))
        {
            errors.Add(new("deadlines", "同一节点只能说明一次。"));
        }

        if (required)
        {
            foreach (TaskDeadline d in asked.Where(d => !answers.Any(a => a?.Date == d.Date)))
            {
                errors.Add(new("deadlines." + d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), $"请说明“{d.Date.Year}年{d.Date.Month}月{d.Date.Day}日”节点是否按期完成。"));
            }
        }
    }
}
