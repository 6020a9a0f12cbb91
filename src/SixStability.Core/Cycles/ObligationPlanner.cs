using SixStability.Core.Plans;
using SixStability.Core.Units;

namespace SixStability.Core.Cycles;

/// <summary>Opening a cycle: one obligation per (task, responsible unit), groups expanded.</summary>
public static class ObligationPlanner
{
    public static IReadOnlyList<Obligation> Open(string cycleId, PlanCatalog plan, UnitDirectory directory, DateOnly due)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var resolver = new UnitResolver(directory);
        IReadOnlyList<string> unresolved = resolver.Unresolved(plan);
        if (unresolved.Count > 0)
        {
            throw new InvalidOperationException($"以下责任单位在单位名录中找不到：{string.Join("、", unresolved)}。");
        }

        return plan.Tasks
            .SelectMany(task => resolver.ResponsibleFor(task).Select((unit, i) => new Obligation(cycleId, unit.Id, task.Number, IsLead: i == 0, ObligationState.Outstanding, due)))
            .ToList();
    }
}
