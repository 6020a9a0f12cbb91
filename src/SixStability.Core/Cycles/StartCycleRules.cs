namespace SixStability.Core.Cycles;

/// <summary>What a request to start a cycle must say: a valid plan id, a quarter (2020Q3), and a timing the calendar can honour.</summary>
public static class StartCycleRules
{
    public const string Summary = "启动报送周期的请求有误。";

    /// <summary>The quarter asked for, or why the request is refused.</summary>
    /// <param name="today">The day the request is made (Asia/Shanghai): an explicit due day may not be before it.</param>
    public static Outcome<Quarter> Check(string? planId, string? quarter, CyclePolicyChoice policy, BusinessCalendar china, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var errors = new List<FieldError>();
        if (!PlanIds.IsValid(planId))
        {
            errors.Add(new("planId", "方案编号无效。"));
        }

        if (!Quarter.TryParse(quarter, out Quarter parsed))
        {
            errors.Add(new("quarter", $"季度“{quarter}”无效：应写作“2020Q3”。"));
        }

        errors.AddRange(CycleFrames.CheckShape(policy)?.Errors ?? []);
        if (errors.Count == 0 && CycleFrames.CheckCalendar(policy, parsed, china, today) is { } untimed)
        {
            return Outcome.Refused<Quarter>(untimed);
        }

        return errors.Count > 0 ? Outcome.Refused<Quarter>(RuleViolation.Of(Summary, errors)) : parsed;
    }
}
