using Microsoft.DurableTask.Client;

namespace SixStability.Functions.Http;

/// <summary>The coordinator's review routes: read a report and its files, accept or return it, decide an extension request.</summary>
public sealed class ReviewFunctions(FunctionRoutes routes)
{
    [Function("ReadObligation")]
    public Task<IActionResult> ReadObligation([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.CycleObligation)] HttpRequest request, string cycleId, string unitId, string task) =>
        routes.InvokeAsync(nameof(ReadObligation), request, new() { ["cycleId"] = cycleId, ["unitId"] = unitId, ["task"] = task });

    [Function("ReadAttachment")]
    public Task<IActionResult> ReadAttachment([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.CycleAttachment)] HttpRequest request, string cycleId, string unitId, string task, string id) =>
        routes.InvokeAsync(nameof(ReadAttachment), request, new() { ["cycleId"] = cycleId, ["unitId"] = unitId, ["task"] = task, ["id"] = id });

    [Function("AcceptSubmission")]
    public Task<IActionResult> AcceptSubmission([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RouteTemplates.CycleAcceptance)] HttpRequest request, string cycleId, string unitId, string task) =>
        routes.InvokeAsync(nameof(AcceptSubmission), request, new() { ["cycleId"] = cycleId, ["unitId"] = unitId, ["task"] = task });

    [Function("ReturnSubmission")]
    public Task<IActionResult> ReturnSubmission([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RouteTemplates.CycleReturns)] HttpRequest request, string cycleId) =>
        routes.InvokeAsync(nameof(ReturnSubmission), request, new() { ["cycleId"] = cycleId });

    [Function("DecideExtensionRequest")]
    public Task<IActionResult> DecideExtensionRequest([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RouteTemplates.CycleExtensionRequest)] HttpRequest request, string cycleId, string unitId, [DurableClient] DurableTaskClient client) =>
        routes.InvokeAsync(nameof(DecideExtensionRequest), request, new() { ["cycleId"] = cycleId, ["unitId"] = unitId }, client);
}
