namespace SixStability.Workflow.Audit;

/// <summary>One row of the audit trail: who (with their roles and address), when, what, and what it changed.</summary>
/// <param name="Subject">What was acted on: a plan id, a unit (and task), a cycle.</param>
/// <param name="Before">The id of what stood before (plan version 2, obligation revision r5, a due date), if anything did.</param>
/// <param name="After">The id of what the action made (plan version 3, revision r6, the new due date).</param>
/// <param name="Detail">A reason or note the person gave, or what happened (an idempotent start that found its cycle).</param>
public sealed record AuditEntry(
    DateTimeOffset At,
    string ActorId,
    string ActorName,
    string Roles,
    ActorKind ActorKind,
    AuditAction Action,
    string? CycleId,
    string Subject,
    string? Before,
    string? After,
    string? Detail,
    string? ClientIp);
