namespace SixStability.Functions.Http;

/// <summary>A plan's year: the API (json, xlsx, docx) and the page /coord/year; a sign-in or the admin key, checked by the route table.</summary>
public sealed class YearFunctions(FunctionRoutes routes)
{
    [Function("GetPlanYear")]
    public Task<IActionResult> GetPlanYear([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.PlanYear)] HttpRequest request, string planId, string year) =>
        routes.InvokeAsync(nameof(GetPlanYear), request, new() { ["planId"] = planId, ["year"] = year });

    [Function("YearPage")]
    public Task<IActionResult> YearPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.YearPage)] HttpRequest request) =>
        routes.InvokeAsync(nameof(YearPage), request);
}
