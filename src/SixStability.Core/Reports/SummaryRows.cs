using SixStability.Core.Cycles;
using SixStability.Core.Submissions;

namespace SixStability.Core.Reports;

/// <summary>Turns obligations, streamed with their texts, into 汇总表 rows, counting lateness as the summary does.</summary>
public sealed class SummaryRows(SummaryInput input)
{
    private readonly SummaryInput input = input ?? throw new ArgumentNullException(nameof(input));
    private readonly Lateness lateness = new(input);
    private readonly UnitResolver resolver = new(input.Directory);
    private readonly Dictionary<int, (string Section, PlanTask Task)> tasks = input.Plan.Sections
        .SelectMany(s => s.Tasks.Select(t => (s.Title, t)))
        .GroupBy(x => x.t.Number)
        .ToDictionary(g => g.Key, g => (g.First().Title, g.First().t));

    public static IReadOnlyList<string> Headers { get; } =
    [
        "方案部分", "任务序号", "任务", "单位", "单位类别", "牵头/配合", "报送状态", "自评", "工作进展", "存在困难", "下一步打算",
        "指标填报", "节点完成情况", "截止日期", "报送时间", "逾期工作日", "督办级别", "退回次数", "审核情况",
    ];

    public SummaryRow Row(Obligation o, ReportText? text)
    {
        ArgumentNullException.ThrowIfNull(o);
        (string section, PlanTask? task) = tasks.TryGetValue(o.TaskNumber, out (string, PlanTask) found) ? found : (string.Empty, null);
        Unit? unit = resolver.FindUnit(o.UnitId);
        bool submitted = o.State == ObligationState.Submitted;
        ReportedFigures? figures = submitted ? o.Figures : null;
        string state = submitted ? (o.Late ? "逾期报送" : "已报送")
            : lateness.Overdue(o) ? (o.State == ObligationState.Draft ? "未报送（有草稿）" : "未报送")
            : o.State == ObligationState.Draft ? "草稿（未到截止日）" : "未到截止日";
        string indicators = figures is null || task is null
            ? string.Empty
            : string.Join("；", figures.Readings.Select(r => $"{r.Name}：{SummaryText.N(r.Value)}{task.Indicators.FirstOrDefault(i => i.Name == r.Name)?.Unit}"));
        string deadlines = figures?.Deadlines is { Count: > 0 } answers
            ? string.Join("；", answers.Select(a => $"{SummaryText.Date(a.Date)}：{a.Answer}{(string.IsNullOrWhiteSpace(a.Reason) ? string.Empty : $"（{a.Reason.Trim()}）")}"))
            : string.Empty;
        return new SummaryRow(
            section,
            o.TaskNumber,
            task?.Title ?? $"任务{o.TaskNumber}",
            unit?.Name ?? o.UnitId,
            unit?.Kind switch { UnitKind.CountyGovernment => "县（市、区）", UnitKind.ParkCommittee => "园区", UnitKind.Department => "市直部门", _ => string.Empty },
            o.IsLead ? "牵头" : "配合",
            state,
            figures?.Status ?? string.Empty,
            submitted ? text?.Narrative ?? string.Empty : string.Empty,
            submitted ? text?.Difficulties ?? string.Empty : string.Empty,
            submitted ? text?.NextSteps ?? string.Empty : string.Empty,
            indicators,
            deadlines,
            o.Due,
            o.SubmittedAt is DateTimeOffset at ? ChinaTime.ToChina(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : string.Empty,
            lateness.WorkingDaysLate(o),
            o.EscalationLevel > 0 ? SummaryText.Level(o.EscalationLevel) : string.Empty,
            o.Returns,
            o.IsAccepted ? ReviewState.Accepted : string.Empty);
    }
}
