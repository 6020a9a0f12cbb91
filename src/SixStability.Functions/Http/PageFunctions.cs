namespace SixStability.Functions.Http;

/// <summary>The pages people open (a unit's form at /u: its signed link; the board at /coord: a sign-in), their files, and the API's description.</summary>
public sealed class PageFunctions(FunctionRoutes routes)
{
    [Function("GetUnitPage")]
    public Task<IActionResult> GetUnitPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.UnitPage)] HttpRequest request) =>
        routes.InvokeAsync(nameof(GetUnitPage), request);

    [Function("PostUnitPage")]
    public Task<IActionResult> PostUnitPage([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RouteTemplates.UnitPage)] HttpRequest request) =>
        routes.InvokeAsync(nameof(PostUnitPage), request);

    [Function("CoordinatorPage")]
    public Task<IActionResult> CoordinatorPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.CoordinatorPage)] HttpRequest request) =>
        routes.InvokeAsync(nameof(CoordinatorPage), request);

    [Function("PlansPage")]
    public Task<IActionResult> PlansPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.PlansPage)] HttpRequest request) =>
        routes.InvokeAsync(nameof(PlansPage), request);

    [Function("GetAsset")]
    public Task<IActionResult> GetAsset([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.Asset)] HttpRequest request, string name) =>
        routes.InvokeAsync(nameof(GetAsset), request, new() { ["name"] = name });

    [Function("GetOpenApi")]
    public Task<IActionResult> GetOpenApi([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.OpenApi)] HttpRequest request) =>
        routes.InvokeAsync(nameof(GetOpenApi), request);
}
