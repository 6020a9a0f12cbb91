namespace SixStability.Core.Plans;

/// <summary>
/// Why a plan file, draft or correction was not accepted, worded for the coordinator (zh-CN). A refusal
/// changes nothing; <see cref="Errors"/> names each problem where there are several (tasks without units,
/// names the directory does not know).
/// </summary>
public sealed record PlanRefusal(PlanRefusalReason Reason, string Message, IReadOnlyList<FieldError> Errors)
{
    public PlanRefusal(PlanRefusalReason reason, string message)
        : this(reason, message, [])
    {
    }

    public override string ToString() => Message;
}
