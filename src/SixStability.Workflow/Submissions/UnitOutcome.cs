using Microsoft.AspNetCore.Http;
using SixStability.Core.Cycles;
using SixStability.Core.Units;
using SixStability.Workflow.Http;

namespace SixStability.Workflow.Submissions;

/// <summary>What became of a unit's request, for the API (problem+json) and the page (a message beside the form) alike.</summary>
public sealed record UnitOutcome(int Status, string? Message = null, IReadOnlyList<FieldError>? Errors = null, Obligation? Obligation = null, bool Replayed = false)
{
    public bool Succeeded => Status is >= 200 and < 300;

    public static UnitOutcome Saved(Obligation obligation, bool replayed = false) => new(StatusCodes.Status200OK, Obligation: obligation, Replayed: replayed);

    public static UnitOutcome Invalid(string message, IReadOnlyList<FieldError> errors) => new(StatusCodes.Status400BadRequest, message, errors);

    public static UnitOutcome NotFound(string message) => new(StatusCodes.Status404NotFound, message);

    public static UnitOutcome Conflict(string message) => new(StatusCodes.Status409Conflict, message);

    public ApiResult ToProblem() => Status switch
    {
        StatusCodes.Status400BadRequest => ApiResult.BadRequest(Message ?? "请求内容有误。", Errors),
        StatusCodes.Status404NotFound => ApiResult.NotFound(Message ?? "未找到。"),
        StatusCodes.Status409Conflict => ApiResult.Conflict(Message ?? "冲突。"),
        _ => ApiResult.Problem(Status, Message ?? "出错了"),
    };
}
