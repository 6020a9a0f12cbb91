using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SixStability.Workflow.Http;
using SixStability.Workflow.Plans;

namespace SixStability.Functions.Http;

/// <summary>Coordinator routes for plans; the Functions host checks the function key (x-functions-key).</summary>
public sealed class PlanFunctions(PlanHandlers plans)
{
    [Function("PutPlan")]
    public async Task<IActionResult> PutPlan(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = ApiRoutes.Prefix + ApiRoutes.Plan)] HttpRequest request,
        string planId,
        CancellationToken cancellationToken) => await plans.PutAsync(request, planId, cancellationToken).ConfigureAwait(false);

    [Function("GetPlan")]
    public async Task<IActionResult> GetPlan(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Prefix + ApiRoutes.Plan)] HttpRequest request,
        string planId,
        CancellationToken cancellationToken) => await plans.GetAsync(planId, cancellationToken).ConfigureAwait(false);
}
