namespace SixStability.Core.Cycles;

/// <summary>延期申请: a unit asks for a later due date, with a reason; the coordinator approves or refuses.</summary>
public sealed record ExtensionRequest(
    string CycleId,
    string UnitId,
    DateOnly Due,
    string Reason,
    DateTimeOffset RequestedAt,
    ExtensionRequestState State = ExtensionRequestState.Pending,
    string? Note = null);

public enum ExtensionRequestState
{
    Pending,
    Approved,
    Refused,
}
