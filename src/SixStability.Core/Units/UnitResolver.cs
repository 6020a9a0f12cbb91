namespace SixStability.Core.Units;

/// <summary>Turns the names a plan writes into directory units, expanding groups.</summary>
public sealed class UnitResolver
{
    private readonly Dictionary<string, Unit> unitsById;
    private readonly Dictionary<string, Unit> unitsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UnitGroup> groupsByName = new(StringComparer.Ordinal);

    public UnitResolver(UnitDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        unitsById = directory.Units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        foreach (Unit u in directory.Units)
        {
            foreach (string name in new[] { u.Name }.Concat(u.Aliases ?? []))
            {
                unitsByName.TryAdd(NameNormalizer.Normalize(name), u);
            }
        }

        foreach (UnitGroup g in directory.Groups)
        {
            foreach (string name in new[] { g.Name }.Concat(g.Aliases ?? []))
            {
                groupsByName.TryAdd(NameNormalizer.Normalize(name), g);
            }
        }
    }

    public Unit? FindUnit(string id) => unitsById.GetValueOrDefault(id);

    /// <summary>The units a name stands for: one unit, a group's members, or none if unknown.</summary>
    public IReadOnlyList<Unit> Resolve(string name)
    {
        string key = NameNormalizer.Normalize(name);
        if (unitsByName.TryGetValue(key, out Unit? unit))
        {
            return [unit];
        }

        return groupsByName.TryGetValue(key, out UnitGroup? group)
            ? group.Members.Select(id => unitsById[id]).ToList()
            : [];
    }

    /// <summary>Every name in the plan that the directory does not know, in document order.</summary>
    public IReadOnlyList<string> Unresolved(PlanCatalog plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Tasks.SelectMany(t => t.Units).Where(n => Resolve(n).Count == 0).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The units responsible for a task, each once, in document order; the first is the lead unit
    /// (牵头单位). A unit named directly and again inside a group keeps its first place.
    /// </summary>
    public IReadOnlyList<Unit> ResponsibleFor(PlanTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return task.Units.SelectMany(Resolve).Where(u => seen.Add(u.Id)).ToList();
    }
}
