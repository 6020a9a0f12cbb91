namespace SixStability.Workflow.Audit;

/// <summary>What a use case says it changed, for its audit row (<see cref="AuditEntry"/> names each field).</summary>
public sealed record AuditChange(string? CycleId, string Subject, string? Before, string? After, string? Detail = null);
