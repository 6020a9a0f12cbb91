using Microsoft.AspNetCore.Http;
using SixStability.Core.Plans;
using SixStability.Core.Rules;
using SixStability.Workflow.Http;
using SixStability.Workflow.Ports;

namespace SixStability.Workflow.Plans;

/// <summary><c>PUT/GET /api/plans/{planId}</c>: load a plan as its text or as catalog JSON, and read it back.</summary>
public sealed class PlanHandlers(ImportPlanUseCase import, IPlanStore plans)
{
    public const int MaxBodyBytes = 2 * 1024 * 1024;

    public async Task<ApiResult> PutAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        (string? body, ApiResult? error) = await RequestBody.ReadTextAsync(call.Request, MaxBodyBytes, call.Aborted).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        bool json = call.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true || body!.TrimStart().StartsWith('{');
        return (await import.RunAsync(new ImportPlanCommand(call.Value("planId"), body!, json, RequestBody.IfMatch(call.Request)), call.Aborted).ConfigureAwait(false))
            .ToResult(stored => ApiResult.Json(stored.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK, stored, stored.ETag));
    }

    public async Task<ApiResult> GetAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        string planId = call.Value("planId");
        if (!PlanIds.IsValid(planId))
        {
            return ApiResult.BadRequest($"方案编号“{planId}”无效。", [new FieldError("planId", "格式无效。")]);
        }

        Versioned<PlanCatalog>? plan = await plans.GetAsync(planId, null, call.Aborted).ConfigureAwait(false);
        return plan is null ? ApiResult.NotFound($"方案“{planId}”不存在。") : ApiResult.Json(StatusCodes.Status200OK, plan.Value, plan.ETag);
    }
}
