using SixStability.Core.Cycles;

namespace SixStability.Workflow.Ports;

/// <summary>The reads several steps and handlers share.</summary>
public static class ObligationStoreExtensions
{
    /// <summary>The cycle's obligations (or one page of units) in memory.</summary>
    public static ValueTask<List<Obligation>> ListAllAsync(this IObligationStore store, string cycleId, UnitRange? page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.ListAsync(cycleId, page, cancellationToken).ToListAsync(cancellationToken);
    }

    /// <summary>Every distinct due day in the cycle: the default one and any extended unit's, which the timeline is built from.</summary>
    public static async Task<IReadOnlyCollection<DateOnly>> DueDaysAsync(this IObligationStore store, string cycleId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return await store.ListAsync(cycleId, null, cancellationToken).Select(o => o.Due).ToHashSetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
