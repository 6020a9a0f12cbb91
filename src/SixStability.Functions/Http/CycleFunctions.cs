using Microsoft.DurableTask.Client;

namespace SixStability.Functions.Http;

/// <summary>The coordinator's cycle routes; the durable client comes from the host's binding.</summary>
public sealed class CycleFunctions(FunctionRoutes routes)
{
    [Function("StartCycle")]
    public Task<IActionResult> StartCycle([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RouteTemplates.Cycles)] HttpRequest request, [DurableClient] DurableTaskClient client) =>
        routes.InvokeAsync(nameof(StartCycle), request, null, client);

    [Function("ListCycles")]
    public Task<IActionResult> ListCycles([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.Cycles)] HttpRequest request) =>
        routes.InvokeAsync(nameof(ListCycles), request);

    [Function("GetCycle")]
    public Task<IActionResult> GetCycle([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.Cycle)] HttpRequest request, string cycleId, [DurableClient] DurableTaskClient client) =>
        routes.InvokeAsync(nameof(GetCycle), request, new() { ["cycleId"] = cycleId }, client);

    [Function("GetCycleSummary")]
    public Task<IActionResult> GetCycleSummary([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.CycleSummary)] HttpRequest request, string cycleId) =>
        routes.InvokeAsync(nameof(GetCycleSummary), request, new() { ["cycleId"] = cycleId });

    [Function("ExtendCycle")]
    public Task<IActionResult> ExtendCycle([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RouteTemplates.CycleExtensions)] HttpRequest request, string cycleId, [DurableClient] DurableTaskClient client) =>
        routes.InvokeAsync(nameof(ExtendCycle), request, new() { ["cycleId"] = cycleId }, client);

    [Function("CloseCycle")]
    public Task<IActionResult> CloseCycle([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RouteTemplates.CycleClose)] HttpRequest request, string cycleId, [DurableClient] DurableTaskClient client) =>
        routes.InvokeAsync(nameof(CloseCycle), request, new() { ["cycleId"] = cycleId }, client);

    [Function("ResumeCycle")]
    public Task<IActionResult> ResumeCycle([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RouteTemplates.CycleResume)] HttpRequest request, string cycleId, [DurableClient] DurableTaskClient client) =>
        routes.InvokeAsync(nameof(ResumeCycle), request, new() { ["cycleId"] = cycleId }, client);

    [Function("CancelCycle")]
    public Task<IActionResult> CancelCycle([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RouteTemplates.CycleCancel)] HttpRequest request, string cycleId, [DurableClient] DurableTaskClient client) =>
        routes.InvokeAsync(nameof(CancelCycle), request, new() { ["cycleId"] = cycleId }, client);
}
