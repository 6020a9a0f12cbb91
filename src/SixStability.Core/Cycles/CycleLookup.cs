namespace SixStability.Core.Cycles;

/// <summary>
/// The plan and directory a cycle runs on, looked up by the ids its obligations carry. A unit or task
/// that has since left the directory or plan still has a readable name (its id, 任务N), so an old
/// cycle's pages, mail and summary never fail on it.
/// </summary>
public sealed class CycleLookup(PlanCatalog plan, UnitDirectory directory)
{
    private readonly UnitResolver resolver = new(directory);

    public PlanCatalog Plan { get; } = plan;

    public UnitDirectory Directory { get; } = directory;

    public Unit? FindUnit(string id) => resolver.FindUnit(id);

    public string UnitName(string id) => resolver.FindUnit(id)?.Name ?? id;

    public PlanTask? FindTask(int number) => Plan.FindTask(number);

    public string TaskTitle(int number) => Plan.FindTask(number)?.Title ?? $"任务{number}";

    /// <summary>The task's responsible units, groups expanded, the lead unit first; none for a task no longer in the plan.</summary>
    public IReadOnlyList<Unit> Responsible(int number) => Plan.FindTask(number) is { } task ? resolver.ResponsibleFor(task) : [];

    /// <summary>The task's indicators (the lead unit reports them); none for a task no longer in the plan.</summary>
    public IReadOnlyList<Indicator> Indicators(int number) => Plan.FindTask(number)?.Indicators ?? [];
}
