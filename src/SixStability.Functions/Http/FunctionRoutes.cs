using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using SixStability.Workflow.Cycles;

namespace SixStability.Functions.Http;

/// <summary>
/// What every HTTP trigger does: find its route in the one route table and call it the way DevHost
/// does, with the route values the trigger bound, for cycle commands the durable client, and the caller
/// (<see cref="AppServiceCaller"/>). Every trigger is anonymous to the Functions host: the route table's
/// roles are checked by the app itself (<see cref="RouteInvoker"/>), for people and keys alike.
/// </summary>
public sealed class FunctionRoutes(IServiceProvider services, AppServiceCaller callers, ILoggerFactory loggers)
{
    private readonly ILogger logger = loggers.CreateLogger("SixStability.Routes");

    public async Task<IActionResult> InvokeAsync(string name, HttpRequest request, Dictionary<string, string>? values = null, DurableTaskClient? client = null) =>
        await RouteInvoker.InvokeAsync(
            Routes.Named(name),
            new RouteCall(request, values ?? [], services, client is null ? null : new DurableTaskCycleClient(client), callers.Identify(request)),
            logger).ConfigureAwait(false);
}
