namespace SixStability.Workflow.Reviews;

/// <summary>The coordinator's change of one unit's task (通过, 退回): a missing task is named by its unit, as the coordinator reads it.</summary>
internal static class ReviewedTask
{
    public static async Task<Outcome<Obligation>> ChangeAsync(IObligationStore obligations, string cycleId, string unitId, int task, Func<Obligation, Outcome<Obligation>> change, HistoryEntry entry, CancellationToken cancellationToken)
    {
        Outcome<ChangeResult> changed = await obligations.ChangeAsync(cycleId, unitId, task, change, entry, null, cancellationToken).ConfigureAwait(false);
        return changed.Kind == OutcomeKind.NotFound ? Outcome.NotFound<Obligation>(CycleMessages.UnitHasNoTask(unitId, task)) : changed.Map(c => c.Obligation);
    }
}
