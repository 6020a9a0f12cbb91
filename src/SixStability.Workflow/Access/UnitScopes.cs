namespace SixStability.Workflow.Access;

/// <summary>A reader's <see cref="UnitScope"/> in a cycle, read from the directory version the cycle runs on.</summary>
public sealed class UnitScopes(ICycleStore cycles, IDirectoryStore directory)
{
    public async Task<UnitScope> ForCycleAsync(Actor actor, string cycleId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.SeesAllUnits)
        {
            return UnitScope.All;
        }

        string? version = (await cycles.GetAsync(cycleId, cancellationToken).ConfigureAwait(false))?.Versions?.Directory;
        return UnitScope.Of(actor, (await directory.GetAsync(version, cancellationToken).ConfigureAwait(false))?.Value);
    }
}
