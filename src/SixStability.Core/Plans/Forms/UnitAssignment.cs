namespace SixStability.Core.Plans.Forms;

/// <summary>The units a clause or a set of unit lines names: lead units first, then partners.</summary>
/// <param name="LeadCount">How many of the first <paramref name="Units"/> lead (牵头单位); at least one when there are units.</param>
/// <param name="Others">The list ended in 等有关部门: units not named share the work.</param>
/// <param name="Note">A sentence the clause adds (具体任务均涉及相关市（州）人民政府，不再做分工，下同).</param>
internal sealed record UnitAssignment(IReadOnlyList<string> Units, int LeadCount, bool Others = false, string? Note = null)
{
    public static readonly UnitAssignment None = new([], 0);

    public bool IsEmpty => Units.Count == 0;

    public static UnitAssignment From(IReadOnlyList<string> leads, IReadOnlyList<string> partners, bool others, string? note)
    {
        var units = new List<string>(leads);
        units.AddRange(partners.Where(p => !units.Contains(p, StringComparer.Ordinal)));
        int leadCount = units.Count == 0 ? 0 : Math.Max(1, leads.Count);
        return new UnitAssignment(units, leadCount, others, note);
    }
}
