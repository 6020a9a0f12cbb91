using SixStability.Core.Plans;
using SixStability.Core.Rules;
using SixStability.Core.Units;

namespace SixStability.Core.Cycles;

/// <summary>Opening a cycle: one obligation per (task, responsible unit), groups expanded.</summary>
public static class ObligationPlanner
{
    /// <summary>Refused, naming them, when the directory does not know some of the plan's units.</summary>
    public static Outcome<IReadOnlyList<Obligation>> Open(string cycleId, PlanCatalog plan, UnitDirectory directory, DateOnly due)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var resolver = new UnitResolver(directory);
        IReadOnlyList<string> unresolved = resolver.Unresolved(plan);
        if (unresolved.Count > 0)
        {
            return Outcome.Refused<IReadOnlyList<Obligation>>(RuleViolation.Field("units", string.Join("、", unresolved), $"以下责任单位在单位名录中找不到：{string.Join("、", unresolved)}。"));
        }

        return Outcome.Ok<IReadOnlyList<Obligation>>([.. plan.Tasks
            .SelectMany(task => resolver.ResponsibleFor(task).Select((unit, i) => new Obligation(cycleId, unit.Id, task.Number, IsLead: i == 0, ObligationState.Outstanding, due)))]);
    }
}
