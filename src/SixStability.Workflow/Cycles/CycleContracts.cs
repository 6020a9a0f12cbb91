namespace SixStability.Workflow.Cycles;

/// <summary>How a coordinator (or the timer) asks for a cycle.</summary>
/// <param name="RequestedAt">When it was asked: a demo starts then, an explicit-due cycle opens that day.</param>
public sealed record CycleInput(string CycleId, string PlanId, string Quarter, CyclePolicyChoice Policy, DateTimeOffset RequestedAt);

/// <summary>A coordinator's command, raised as the orchestration's external event.</summary>
public sealed record CycleCommand(CycleCommandKind Kind, string? UnitId = null, DateOnly? Due = null, string? Reason = null);

public enum CycleCommandKind
{
    /// <summary>Extend one unit's due date; its reminders and escalation follow its own date.</summary>
    Extend,

    /// <summary>Close now: run the close step and summary at once.</summary>
    Close,

    /// <summary>Cancel the cycle: no more mail, no summary.</summary>
    Cancel,
}

/// <summary>The orchestration's custom status, and the counts <c>GET /api/cycles/{id}</c> shows.</summary>
public sealed record CycleProgress(string Step, DateTimeOffset? NextAt, CycleCounts Counts);

public sealed record CycleResult(string Status, CycleCounts Counts);
