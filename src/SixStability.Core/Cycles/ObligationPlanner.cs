namespace SixStability.Core.Cycles;

/// <summary>
/// Opening a cycle: one obligation per (task, responsible unit), groups expanded. The lead unit
/// (牵头单位) is due on the cycle's due day; co-units may be due earlier, so the lead can consolidate.
/// </summary>
public static class ObligationPlanner
{
    public static Outcome<IReadOnlyList<Obligation>> Open(string cycleId, PlanCatalog plan, UnitDirectory directory, DateOnly due) =>
        Open(cycleId, plan, directory, due, due);

    /// <summary>Refused, naming them, when the directory does not know some of the plan's units.</summary>
    /// <param name="leadDue">The lead units' due day.</param>
    /// <param name="coUnitDue">The co-units' due day (<see cref="CycleFrame.CoUnitDue"/>).</param>
    public static Outcome<IReadOnlyList<Obligation>> Open(string cycleId, PlanCatalog plan, UnitDirectory directory, DateOnly leadDue, DateOnly coUnitDue)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var resolver = new UnitResolver(directory);
        IReadOnlyList<string> unresolved = resolver.Unresolved(plan);
        if (unresolved.Count > 0)
        {
            return Outcome.Refused<IReadOnlyList<Obligation>>(RuleViolation.Field("units", string.Join("、", unresolved), $"以下责任单位在单位名录中找不到：{string.Join("、", unresolved)}。"));
        }

        return Outcome.Ok<IReadOnlyList<Obligation>>([.. plan.Tasks
            .SelectMany(task => resolver.ResponsibleFor(task).Select((unit, i) => new Obligation(cycleId, unit.Id, task.Number, IsLead: i == 0, ObligationState.Outstanding, i == 0 ? leadDue : coUnitDue)))]);
    }
}
