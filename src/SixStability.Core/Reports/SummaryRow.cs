namespace SixStability.Core.Reports;

/// <summary>One row of the 汇总表 (.xlsx): one obligation, everything the unit reported on it, in full.</summary>
/// <param name="Role">牵头 or 配合.</param>
/// <param name="State">已报送 / 逾期报送 / 草稿 / 未报送 / 未到截止日.</param>
/// <param name="Indicators">名称：值单位；… (the lead unit's values).</param>
/// <param name="Deadlines">时限：答复（原因）；… (the lead unit's answers).</param>
/// <param name="SubmittedAt">2020-10-13 16:05 (Beijing time), empty when not submitted.</param>
/// <param name="Review">已审核 when the coordinator accepted the submission as it stands, else empty.</param>
public sealed record SummaryRow(
    string Section,
    int TaskNumber,
    string Task,
    string Unit,
    string UnitKind,
    string Role,
    string State,
    string SelfAssessment,
    string Narrative,
    string Difficulties,
    string NextSteps,
    string Indicators,
    string Deadlines,
    DateOnly Due,
    string SubmittedAt,
    int WorkingDaysLate,
    string Level,
    int Returns,
    string Review = "");
