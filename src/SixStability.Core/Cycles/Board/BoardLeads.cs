namespace SixStability.Core.Cycles.Board;

/// <summary>Which unit leads (牵头) each task of a cycle: the first responsible unit, as the obligations were planned.</summary>
public sealed class BoardLeads(IReadOnlyDictionary<int, string> leadByTask)
{
    public static readonly BoardLeads None = new(new Dictionary<int, string>());

    public static BoardLeads Of(CycleLookup lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var leads = new Dictionary<int, string>();
        foreach (Plans.PlanTask task in lookup.Plan.Tasks)
        {
            if (lookup.Responsible(task.Number) is [Unit lead, ..])
            {
                leads[task.Number] = lead.Id;
            }
        }

        return new BoardLeads(leads);
    }

    public TaskRole RoleOf(string unitId, int task) =>
        leadByTask.TryGetValue(task, out string? lead) && string.Equals(lead, unitId, StringComparison.Ordinal) ? TaskRole.Lead : TaskRole.Co;

    /// <summary>The tasks the unit leads, in order.</summary>
    public IReadOnlyList<int> LedBy(string unitId, IEnumerable<int> tasks) => [.. tasks.Where(t => RoleOf(unitId, t) == TaskRole.Lead).Order()];
}
