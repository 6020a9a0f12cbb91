namespace SixStability.Core.Reports;

/// <param name="DayOf">The cycle day of an instant (a compressed demo cycle maps seconds to days).</param>
/// <param name="LastLevel">The highest escalation level of the cycle's policy.</param>
/// <param name="Previous">Last quarter's summary of the same plan, for the change since then and the deadlines met before.</param>
/// <param name="Score">The cycle's score rule (<see cref="ScoreRule.Default"/> when none).</param>
/// <param name="Budget">How much of what units wrote the report keeps (<see cref="TextBudget.Default"/> when none).</param>
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
    CycleSummary? Previous = null,
    ScoreRule? Score = null,
    TextBudget? Budget = null);

/// <summary>
/// How much of what units wrote goes into the report, in characters of whole sentences: the lead unit's
/// consolidated account in full up to <see cref="Lead"/>; where it has none, each reporting unit's first
/// sentences up to <see cref="Unit"/>, for at most <see cref="UnitsPerTask"/> units (the .xlsx has all).
/// </summary>
public sealed record TextBudget(int Lead = 600, int LeadNotes = 300, int Unit = 160, int UnitNotes = 120, int UnitsPerTask = 6)
{
    public static readonly TextBudget Default = new();
}
