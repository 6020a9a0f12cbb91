namespace SixStability.Workflow.Audit;

/// <summary>
/// An action by a person or a key that the audit trail records. A new action (e.g. issue 16's 通过) is one
/// member here, its Chinese name in <see cref="AuditActionNames"/>, <c>Audit = …</c> on its route, and one
/// <see cref="AuditTrail.RecordAsync"/> in its use case.
/// </summary>
public enum AuditAction
{
    ImportPlan,
    ReplaceDirectory,
    StartCycle,
    ExtendCycle,
    CloseCycle,
    CancelCycle,
    ResumeCycle,
    ReturnSubmission,
    AcceptSubmission,
    DecideExtension,
}
