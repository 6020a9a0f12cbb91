namespace SixStability.Workflow.Audit;

/// <summary>Which rows to show: one cycle, one person (id, or part of the name), one action; null for any.</summary>
public sealed record AuditFilter(string? CycleId = null, string? Person = null, AuditAction? Action = null)
{
    public bool Matches(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return (CycleId is null || entry.CycleId == CycleId)
            && (Action is null || entry.Action == Action)
            && (Person is null || entry.ActorId == Person || entry.ActorName.Contains(Person, StringComparison.OrdinalIgnoreCase));
    }
}
