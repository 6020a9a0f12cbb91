namespace SixStability.Core.Reports;

/// <summary>
/// One unit's account of a task in the report, condensed to whole first sentences (<see cref="Sentences"/>).
/// </summary>
/// <param name="Lead">The lead unit's account: the task's consolidated account (牵头单位汇总).</param>
/// <param name="Progress">主要进展.</param>
/// <param name="Problems">存在的问题, when it wrote any.</param>
/// <param name="NextSteps">下一步打算, when it wrote any.</param>
public sealed record UnitAccount(string UnitId, string Unit, bool Lead, string Progress, string? Problems = null, string? NextSteps = null);
