namespace SixStability.Core.Reports.Year;

/// <summary>
/// One quarter's cycle as the year view reads it: every unit's standing from that cycle's summary (scored by
/// the cycle's own rule) and how many of each unit's reports the coordinator accepted (通过, 已审核).
/// </summary>
/// <param name="Open">The cycle is still running: counted as it stands and marked 进行中.</param>
/// <param name="Accepted">Accepted reports per unit id; a unit absent has none.</param>
public sealed record QuarterStandings(
    Quarter Quarter,
    string CycleId,
    bool Open,
    string PlanTitle,
    string Reporter,
    DateOnly AsOf,
    IReadOnlyList<UnitStanding> Units,
    IReadOnlyDictionary<string, int> Accepted);
