namespace SixStability.Workflow.Pages.Coordinator;

/// <summary>The audit trail as the coordinator's page shows it: the rows found, the filter that found them, the cycles to choose from.</summary>
public sealed record AuditPanel(IReadOnlyList<AuditEntry> Entries, AuditFilter Filter, IReadOnlyList<string> Cycles, bool Truncated);
