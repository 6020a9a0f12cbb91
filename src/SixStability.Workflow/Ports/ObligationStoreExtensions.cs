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
}
