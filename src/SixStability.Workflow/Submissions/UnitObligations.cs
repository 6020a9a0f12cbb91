namespace SixStability.Workflow.Submissions;

/// <summary>A unit's part of a cycle: the cycle, the unit, what it owes. Every unit use case starts here.</summary>
public sealed class UnitObligations(CycleContextLoader loader, IObligationStore obligations)
{
    /// <summary>The unit's view, or not found when the cycle or the unit no longer exists (a genuine old link gets a clear answer).</summary>
    public async Task<Outcome<UnitView>> FindAsync(string cycleId, string unitId, CancellationToken cancellationToken)
    {
        CycleContext? cycle = await loader.FindAsync(cycleId, cancellationToken).ConfigureAwait(false);
        if (cycle?.Lookup.FindUnit(unitId) is not { } unit)
        {
            return Outcome.NotFound<UnitView>(CycleMessages.Gone);
        }

        IReadOnlyList<Obligation> owed = await obligations.ListUnitAsync(cycleId, unitId, cancellationToken).ConfigureAwait(false);
        return new UnitView(cycle, unit, [.. owed.OrderBy(o => o.TaskNumber)]);
    }

    /// <summary>As <see cref="FindAsync(string, string, CancellationToken)"/>, narrowed to one task the unit owes (read by its key alone).</summary>
    public async Task<Outcome<UnitTask>> FindAsync(string cycleId, string unitId, int task, CancellationToken cancellationToken)
    {
        // A change of one task: the obligation row it commits under is what fences a closed cycle (see FindRecentAsync).
        CycleContext? cycle = await loader.FindRecentAsync(cycleId, cancellationToken).ConfigureAwait(false);
        if (cycle?.Lookup.FindUnit(unitId) is not { } unit)
        {
            return Outcome.NotFound<UnitTask>(CycleMessages.Gone);
        }

        return await obligations.GetAsync(cycleId, unitId, task, cancellationToken).ConfigureAwait(false) is { } obligation
            ? new UnitTask(cycle, unit, obligation)
            : Outcome.NotFound<UnitTask>(CycleMessages.NoTask(task));
    }

    /// <summary>As <see cref="FindAsync(string, string, int, CancellationToken)"/>, for a change: a closed cycle is refused as closed.</summary>
    public async Task<Outcome<UnitTask>> FindOpenAsync(string cycleId, string unitId, int task, CancellationToken cancellationToken) =>
        (await FindAsync(cycleId, unitId, task, cancellationToken).ConfigureAwait(false)).Then(found =>
            found.Cycle.IsOpen ? Outcome.Ok(found) : Outcome.Closed<UnitTask>(CycleMessages.Closed));
}

public sealed record UnitView(CycleContext Cycle, Unit Unit, IReadOnlyList<Obligation> Obligations);

public sealed record UnitTask(CycleContext Cycle, Unit Unit, Obligation Obligation);
