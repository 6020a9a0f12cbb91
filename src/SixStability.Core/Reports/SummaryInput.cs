using SixStability.Core.Calendar;
using SixStability.Core.Plans;
using SixStability.Core.Units;

namespace SixStability.Core.Reports;

/// <param name="DayOf">The cycle day of an instant (a compressed demo cycle maps seconds to days).</param>
/// <param name="LastLevel">The escalation level that makes a unit a candidate for accountability.</param>
/// <param name="Previous">Last quarter's summary of the same plan, for the change since then.</param>
public sealed record SummaryInput(
    string CycleId,
    Quarter Quarter,
    PlanCatalog Plan,
    UnitDirectory Directory,
    BusinessCalendar Calendar,
    DateOnly AsOf,
    bool Final,
    int LastLevel,
    Func<DateTimeOffset, DateOnly> DayOf,
    CycleSummary? Previous = null);
