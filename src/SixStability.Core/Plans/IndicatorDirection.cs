namespace SixStability.Core.Plans;

/// <summary>
/// Whether reaching the target means getting to it or staying under it (压减至60个工作日以内). Stored
/// catalogs written before <see cref="IndicatorKind"/> carry it as <c>direction</c>; it is now derived from the kind.
/// </summary>
public enum IndicatorDirection
{
    AtLeast,
    AtMost,
}
