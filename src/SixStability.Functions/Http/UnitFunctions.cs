namespace SixStability.Functions.Http;

/// <summary>A unit's routes: anonymous to the Functions host, authorized by the signed link inside the handler.</summary>
public sealed class UnitFunctions(FunctionRoutes routes)
{
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
}
