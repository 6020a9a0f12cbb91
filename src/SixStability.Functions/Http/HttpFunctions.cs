using Microsoft.DurableTask.Client;

namespace SixStability.Functions.Http;

/// <summary>
/// Every HTTP trigger of the Function app, in the order of the one route table (<see cref="Routes"/>): the
/// triggers are compile-time attributes, so each route has a three-line wrapper here that hands the request
/// to the table (<see cref="FunctionRoutes"/>); DevHost maps the same table at run time and the parity tests
/// hold the two together. Every trigger is anonymous to the Functions host; the app checks the route's roles.
/// </summary>
public sealed class HttpFunctions(FunctionRoutes routes)
{
    // Plans and the unit directory.
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

    // Cycles.
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

    [Function("GetPlanYear")]
    public Task<IActionResult> GetPlanYear([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.PlanYear)] HttpRequest request, string planId, string year) =>
        routes.InvokeAsync(nameof(GetPlanYear), request, new() { ["planId"] = planId, ["year"] = year });

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

    // The coordinator's review.
    [Function("ReadObligation")]
    public Task<IActionResult> ReadObligation([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.CycleObligation)] HttpRequest request, string cycleId, string unitId, string task) =>
        routes.InvokeAsync(nameof(ReadObligation), request, new() { ["cycleId"] = cycleId, ["unitId"] = unitId, ["task"] = task });

    [Function("AcceptSubmission")]
    public Task<IActionResult> AcceptSubmission([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RouteTemplates.CycleAcceptance)] HttpRequest request, string cycleId, string unitId, string task) =>
        routes.InvokeAsync(nameof(AcceptSubmission), request, new() { ["cycleId"] = cycleId, ["unitId"] = unitId, ["task"] = task });

    [Function("ReadAttachment")]
    public Task<IActionResult> ReadAttachment([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.CycleAttachment)] HttpRequest request, string cycleId, string unitId, string task, string id) =>
        routes.InvokeAsync(nameof(ReadAttachment), request, new() { ["cycleId"] = cycleId, ["unitId"] = unitId, ["task"] = task, ["id"] = id });

    [Function("ReturnSubmission")]
    public Task<IActionResult> ReturnSubmission([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RouteTemplates.CycleReturns)] HttpRequest request, string cycleId) =>
        routes.InvokeAsync(nameof(ReturnSubmission), request, new() { ["cycleId"] = cycleId });

    [Function("DecideExtensionRequest")]
    public Task<IActionResult> DecideExtensionRequest([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RouteTemplates.CycleExtensionRequest)] HttpRequest request, string cycleId, string unitId, [DurableClient] DurableTaskClient client) =>
        routes.InvokeAsync(nameof(DecideExtensionRequest), request, new() { ["cycleId"] = cycleId, ["unitId"] = unitId }, client);

    // The audit trail: every action by a person or key, as recorded by its use case.
    [Function("GetAudit")]
    public Task<IActionResult> GetAudit([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.Audit)] HttpRequest request) =>
        routes.InvokeAsync(nameof(GetAudit), request);

    // A unit's own routes: its signed link (Authorization: Bearer … or ?t=).
    [Function("GetMyObligations")]
    public Task<IActionResult> GetMyObligations([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.MyObligations)] HttpRequest request) =>
        routes.InvokeAsync(nameof(GetMyObligations), request);

    [Function("SubmitMyObligation")]
    public Task<IActionResult> SubmitMyObligation([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RouteTemplates.MySubmission)] HttpRequest request, string task) =>
        routes.InvokeAsync(nameof(SubmitMyObligation), request, new() { ["task"] = task });

    [Function("SaveMyDraft")]
    public Task<IActionResult> SaveMyDraft([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = RouteTemplates.MyDraft)] HttpRequest request, string task) =>
        routes.InvokeAsync(nameof(SaveMyDraft), request, new() { ["task"] = task });

    [Function("GetMyHistory")]
    public Task<IActionResult> GetMyHistory([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.MyHistory)] HttpRequest request, string task) =>
        routes.InvokeAsync(nameof(GetMyHistory), request, new() { ["task"] = task });

    [Function("GetMyContact")]
    public Task<IActionResult> GetMyContact([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.MyContact)] HttpRequest request) =>
        routes.InvokeAsync(nameof(GetMyContact), request);

    [Function("SaveMyContact")]
    public Task<IActionResult> SaveMyContact([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = RouteTemplates.MyContact)] HttpRequest request) =>
        routes.InvokeAsync(nameof(SaveMyContact), request);

    [Function("RequestExtension")]
    public Task<IActionResult> RequestExtension([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RouteTemplates.MyExtensionRequest)] HttpRequest request) =>
        routes.InvokeAsync(nameof(RequestExtension), request);

    [Function("AttachFile")]
    public Task<IActionResult> AttachFile([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = RouteTemplates.MyAttachments)] HttpRequest request, string task) =>
        routes.InvokeAsync(nameof(AttachFile), request, new() { ["task"] = task });

    [Function("GetMyAttachment")]
    public Task<IActionResult> GetMyAttachment([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.MyAttachment)] HttpRequest request, string task, string id) =>
        routes.InvokeAsync(nameof(GetMyAttachment), request, new() { ["task"] = task, ["id"] = id });

    [Function("DeleteMyAttachment")]
    public Task<IActionResult> DeleteMyAttachment([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = RouteTemplates.MyAttachment)] HttpRequest request, string task, string id) =>
        routes.InvokeAsync(nameof(DeleteMyAttachment), request, new() { ["task"] = task, ["id"] = id });

    // This description.
    [Function("GetOpenApi")]
    public Task<IActionResult> GetOpenApi([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.OpenApi)] HttpRequest request) =>
        routes.InvokeAsync(nameof(GetOpenApi), request);

    // Pages for people, outside /api.
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

    [Function("YearPage")]
    public Task<IActionResult> YearPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.YearPage)] HttpRequest request) =>
        routes.InvokeAsync(nameof(YearPage), request);

    [Function("GetAsset")]
    public Task<IActionResult> GetAsset([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.Asset)] HttpRequest request, string name) =>
        routes.InvokeAsync(nameof(GetAsset), request, new() { ["name"] = name });
}
