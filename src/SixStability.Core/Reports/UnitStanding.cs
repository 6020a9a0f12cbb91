namespace SixStability.Core.Reports;

/// <summary>One unit's record in the cycle, named and scored.</summary>
/// <param name="Kind">County government, park committee or department (charts group by it); null when the unit has left the directory.</param>
public sealed record UnitStanding(string UnitId, string Name, UnitKind? Kind, UnitCycleFacts Facts, UnitScore Score);
