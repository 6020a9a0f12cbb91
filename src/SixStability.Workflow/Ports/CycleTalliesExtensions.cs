namespace SixStability.Workflow.Ports;

/// <summary>The reads of the tallies that steps, use cases and the board share.</summary>
public static class CycleTalliesExtensions
{
    /// <summary>Each unit's tally; a cycle whose tallies were never written is counted first (once).</summary>
    public static async Task<IReadOnlyDictionary<string, UnitTally>> ReadAsync(this ICycleTallies tallies, string cycleId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        if (await tallies.UnitsAsync(cycleId, cancellationToken).ConfigureAwait(false) is { } units)
        {
            return units;
        }

        await tallies.RecountAsync(cycleId, cancellationToken).ConfigureAwait(false);
        return await tallies.UnitsAsync(cycleId, cancellationToken).ConfigureAwait(false) ?? new Dictionary<string, UnitTally>(StringComparer.Ordinal);
    }

    /// <summary>Every distinct due day in the cycle: the default one and any extended unit's, which the timeline is built from.</summary>
    public static async Task<IReadOnlyCollection<DateOnly>> DueDaysAsync(this ICycleTallies tallies, string cycleId, CancellationToken cancellationToken) =>
        (await tallies.ReadAsync(cycleId, cancellationToken).ConfigureAwait(false)).Values.SelectMany(t => t.Dues).ToHashSet();
}
