using SixStability.Workflow.Http;
using SixStability.Workflow.Ports;

namespace SixStability.DevHost.Hosting;

/// <summary>Every route of the one route table (<see cref="Routes"/>), served as the Function app serves it.</summary>
internal static class ApiEndpoints
{
    private const string LegacyCoordinatorPage = "/admin";

    public static IEndpointRouteBuilder MapSixStabilityApi(this IEndpointRouteBuilder app)
    {
        ILogger logger = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("SixStability.Routes");
        foreach (ApiRoute route in Routes.All)
        {
            Func<HttpContext, Task<ApiResult>> handle = context =>
            {
                var values = context.Request.RouteValues.ToDictionary(v => v.Key, v => v.Value?.ToString() ?? string.Empty, StringComparer.Ordinal);
                var call = new RouteCall(context.Request, values, context.RequestServices, context.RequestServices.GetRequiredService<ICycleClient>());
                return RouteInvoker.InvokeAsync(route, call, logger);
            };

            // As a route handler (not a bare RequestDelegate), so the admin-key filter can run before it.
            RouteHandlerBuilder endpoint = app.MapMethods("/" + route.Template, [route.Method], handle).WithName(route.Name);

            if (route.Access == RouteAccess.Coordinator)
            {
                endpoint.AddEndpointFilter<AdminKeyFilter>();
            }
        }

        // DevHost only: the coordinator's page used to be /admin, which the Functions host reserves;
        // old bookmarks land on /coord with their query (?code=…). Not part of the shared route table.
        app.MapGet(LegacyCoordinatorPage, (HttpRequest request) => Results.Redirect("/" + RouteTemplates.CoordinatorPage + request.QueryString, permanent: true, preserveMethod: true))
            .ExcludeFromDescription();
        return app;
    }
}
