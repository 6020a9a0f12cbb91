namespace SixStability.Workflow.Ports;

/// <summary>
/// A cycle's counts kept as its obligations change — one mark per obligation, a tally per unit — so the board, the
/// timeline and the steps read a few small rows instead of every obligation. The obligation store keeps them: each
/// change lays the obligation's new mark over its unit's (a newer revision always wins), the close's seal makes them
/// exact, and a step that reads its range anyway mends what a lost write left behind.
/// </summary>
public interface ICycleTallies
{
    /// <summary>Each unit's tally by unit id; null when the cycle's tallies were never written (a cycle opened before they were kept: <see cref="RecountAsync"/>).</summary>
    Task<IReadOnlyDictionary<string, UnitTally>?> UnitsAsync(string cycleId, CancellationToken cancellationToken);

    /// <summary>The marks of the named units, by unit id (a unit the cycle does not have is left out).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<ObligationMark>>> MarksAsync(string cycleId, IReadOnlyCollection<string> unitIds, CancellationToken cancellationToken);

    /// <summary>Lays obligations a step has just read over the tallies (a newer revision always wins): mends what a lost write left stale.</summary>
    Task MendAsync(string cycleId, IReadOnlyList<Obligation> observed, CancellationToken cancellationToken);

    /// <summary>Counts every obligation of the cycle again and writes its tallies (a cycle opened before they were kept).</summary>
    Task RecountAsync(string cycleId, CancellationToken cancellationToken);
}
