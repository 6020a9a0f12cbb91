namespace SixStability.Workflow.Http;

/// <summary>The one mapping from a use case's outcome to HTTP: 400 with the fields named, 404, 409, 503.</summary>
public static class OutcomeResults
{
    public static ApiResult ToResult<T>(this Outcome<T> outcome, Func<T, ApiResult> ok)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(ok);
        return outcome.Kind switch
        {
            OutcomeKind.Ok => ok(outcome.Value!),
            OutcomeKind.NotFound => ApiResult.NotFound(outcome.Message),
            OutcomeKind.Refused => ApiResult.BadRequest(outcome.Message, outcome.Errors),
            OutcomeKind.Busy => ApiResult.Busy(outcome.Message),
            OutcomeKind.Unprocessable => ApiResult.Problem(StatusCodes.Status422UnprocessableEntity, "无法处理", outcome.Message),
            OutcomeKind.PreconditionRequired => ApiResult.Problem(StatusCodes.Status428PreconditionRequired, "需要 If-Match", outcome.Message),
            _ => ApiResult.Conflict(outcome.Message),
        };
    }

    /// <summary>The status a page shows a refusal with (the same codes as the API).</summary>
    public static int Status(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Ok => StatusCodes.Status200OK,
        OutcomeKind.NotFound => StatusCodes.Status404NotFound,
        OutcomeKind.Refused => StatusCodes.Status400BadRequest,
        OutcomeKind.Busy => StatusCodes.Status503ServiceUnavailable,
        OutcomeKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        OutcomeKind.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
        _ => StatusCodes.Status409Conflict,
    };
}
