using SixStability.Workflow.Http;
using SixStability.Workflow.Plans;
using SixStability.Workflow.Units;

namespace SixStability.DevHost.Hosting;

/// <summary>The same /api routes as the Function app, delegating to the same handlers.</summary>
internal static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapSixStabilityApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder admin = app.MapGroup("/api").AddEndpointFilter<AdminKeyFilter>();

        admin.MapPut(ApiRoutes.Plan, (string planId, HttpRequest request, PlanHandlers plans, CancellationToken ct) => plans.PutAsync(request, planId, ct));
        admin.MapGet(ApiRoutes.Plan, (string planId, PlanHandlers plans, CancellationToken ct) => plans.GetAsync(planId, ct));
        admin.MapPut(ApiRoutes.Directory, (HttpRequest request, DirectoryHandlers directory, CancellationToken ct) => directory.PutAsync(request, ct));
        admin.MapGet(ApiRoutes.Directory, (DirectoryHandlers directory, CancellationToken ct) => directory.GetAsync(ct));
        return app;
    }
}
