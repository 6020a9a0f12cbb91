namespace SixStability.Workflow.Access;

/// <summary>
/// Which units a reader may see: every unit for the coordinator, the supervision office and a key; for a
/// 分管领导 the units the directory assigns to the leader with their e-mail (<see cref="Unit.Leader"/>); none otherwise.
/// </summary>
public sealed class UnitScope
{
    private readonly IReadOnlySet<string>? units;

    private UnitScope(IReadOnlySet<string>? units) => this.units = units;

    public static UnitScope All { get; } = new(null);

    public bool IsAll => units is null;

    /// <param name="directory">The directory the cycle runs on (its leaders and their units).</param>
    public static UnitScope Of(Actor actor, UnitDirectory? directory)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.SeesAllUnits)
        {
            return All;
        }

        Leader? leader = actor.Has(Role.Leader) && !string.IsNullOrWhiteSpace(actor.Email)
            ? directory?.Leaders.FirstOrDefault(l => string.Equals(l.Email.Trim(), actor.Email.Trim(), StringComparison.OrdinalIgnoreCase))
            : null;
        return new UnitScope(leader is null
            ? new HashSet<string>(StringComparer.Ordinal)
            : directory!.Units.Where(u => u.Leader == leader.Id).Select(u => u.Id).ToHashSet(StringComparer.Ordinal));
    }

    public bool Includes(string unitId) => units is null || units.Contains(unitId);
}
