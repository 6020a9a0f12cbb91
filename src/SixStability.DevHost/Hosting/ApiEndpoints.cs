using SixStability.DevHost.Hosting.SignIn;

namespace SixStability.DevHost.Hosting;

/// <summary>
/// Every route of the one route table (<see cref="Routes"/>), served as the Function app serves it. DevHost
/// establishes who calls: the admin key in <c>x-functions-key</c>, or the local sign-in's session cookie
/// (<see cref="DevSessions"/>); never a principal header, which here anyone could send.
/// </summary>
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
                IPAddress? remote = context.Connection.RemoteIpAddress;
                string? address = (remote is { IsIPv4MappedToIPv6: true } ? remote.MapToIPv4() : remote)?.ToString();
                Caller caller = context.RequestServices.GetRequiredService<CallerResolver>().Resolve(context.Request, context.RequestServices.GetRequiredService<DevSessions>().Read(context), address);
                var call = new RouteCall(context.Request, values, context.RequestServices, context.RequestServices.GetRequiredService<ICycleClient>(), caller);
                return RouteInvoker.InvokeAsync(route, call, logger);
            };

            app.MapMethods("/" + route.Template, [route.Method], handle).WithName(route.Name);
        }

        // DevHost only: the coordinator's page used to be /admin, which the Functions host reserves; old
        // bookmarks land on /coord. Not part of the shared route table. A key never rides in a page's
        // address any more, so an old ?code= is dropped rather than carried along.
        app.MapGet(LegacyCoordinatorPage, (HttpRequest request) =>
            Results.Redirect("/" + RouteTemplates.CoordinatorPage + QueryString.Create(request.Query.Where(q => q.Key != "code")), permanent: true, preserveMethod: true))
            .ExcludeFromDescription();
        app.MapLocalSignIn();
        return app;
    }
}
