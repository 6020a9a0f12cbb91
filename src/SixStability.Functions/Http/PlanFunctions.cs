namespace SixStability.Functions.Http;

/// <summary>Plans and the unit directory (the roles are checked by the app: Routes.All).</summary>
public sealed class PlanFunctions(FunctionRoutes routes)
{
    [Function("PutPlan")]
    public Task<IActionResult> PutPlan([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = RouteTemplates.Plan)] HttpRequest request, string planId) =>
        routes.InvokeAsync(nameof(PutPlan), request, new() { ["planId"] = planId });

    [Function("GetPlan")]
    public Task<IActionResult> GetPlan([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.Plan)] HttpRequest request, string planId) =>
        routes.InvokeAsync(nameof(GetPlan), request, new() { ["planId"] = planId });

    [Function("UploadPlanDraft")]
    public Task<IActionResult> UploadPlanDraft([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = RouteTemplates.PlanDraft)] HttpRequest request, string planId) =>
        routes.InvokeAsync(nameof(UploadPlanDraft), request, new() { ["planId"] = planId });

    [Function("GetPlanDraft")]
    public Task<IActionResult> GetPlanDraft([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.PlanDraft)] HttpRequest request, string planId) =>
        routes.InvokeAsync(nameof(GetPlanDraft), request, new() { ["planId"] = planId });

    [Function("CorrectPlanDraft")]
    public Task<IActionResult> CorrectPlanDraft([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RouteTemplates.PlanDraftCorrections)] HttpRequest request, string planId) =>
        routes.InvokeAsync(nameof(CorrectPlanDraft), request, new() { ["planId"] = planId });

    [Function("ConfirmPlanDraft")]
    public Task<IActionResult> ConfirmPlanDraft([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RouteTemplates.PlanDraftConfirm)] HttpRequest request, string planId) =>
        routes.InvokeAsync(nameof(ConfirmPlanDraft), request, new() { ["planId"] = planId });

    [Function("PutDirectory")]
    public Task<IActionResult> PutDirectory([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = RouteTemplates.Directory)] HttpRequest request) =>
        routes.InvokeAsync(nameof(PutDirectory), request);

    [Function("GetDirectory")]
    public Task<IActionResult> GetDirectory([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.Directory)] HttpRequest request) =>
        routes.InvokeAsync(nameof(GetDirectory), request);
}
