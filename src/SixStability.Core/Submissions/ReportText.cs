namespace SixStability.Core.Submissions;

/// <summary>
/// What a unit wrote in its last submission of a task: the substance the quarterly report is made of
/// (进展, 问题, 下一步). Kept beside the obligation so the summary reads one row per report, not the history.
/// </summary>
public sealed record ReportText(string Narrative, string? Difficulties = null, string? NextSteps = null);
