using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SixStability.Workflow.Http;
using SixStability.Workflow.Submissions;

namespace SixStability.Functions.Http;

/// <summary>A unit's routes: anonymous to the Functions host, authorized by the signed link inside the handler.</summary>
public sealed class UnitFunctions(UnitHandlers units)
{
    [Function("GetMyObligations")]
    public async Task<IActionResult> GetMyObligations(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + ApiRoutes.MyObligations)] HttpRequest request,
        CancellationToken cancellationToken) => await units.ListAsync(request, cancellationToken).ConfigureAwait(false);

    [Function("SubmitMyObligation")]
    public async Task<IActionResult> SubmitMyObligation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Prefix + ApiRoutes.MySubmission)] HttpRequest request,
        string task,
        CancellationToken cancellationToken) => await units.SubmitAsync(request, task, cancellationToken).ConfigureAwait(false);

    [Function("SaveMyDraft")]
    public async Task<IActionResult> SaveMyDraft(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.Prefix + ApiRoutes.MyDraft)] HttpRequest request,
        string task,
        CancellationToken cancellationToken) => await units.SaveDraftAsync(request, task, cancellationToken).ConfigureAwait(false);

    [Function("GetMyHistory")]
    public async Task<IActionResult> GetMyHistory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + ApiRoutes.MyHistory)] HttpRequest request,
        string task,
        CancellationToken cancellationToken) => await units.HistoryAsync(request, task, cancellationToken).ConfigureAwait(false);

    [Function("RequestExtension")]
    public async Task<IActionResult> RequestExtension(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Prefix + ApiRoutes.MyExtensionRequest)] HttpRequest request,
        CancellationToken cancellationToken) => await units.RequestExtensionAsync(request, cancellationToken).ConfigureAwait(false);

    [Function("AttachFile")]
    public async Task<IActionResult> AttachFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Prefix + ApiRoutes.MyAttachments)] HttpRequest request,
        string task,
        CancellationToken cancellationToken) => await units.AttachAsync(request, task, cancellationToken).ConfigureAwait(false);

    [Function("GetMyAttachment")]
    public async Task<IActionResult> GetMyAttachment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Prefix + ApiRoutes.MyAttachment)] HttpRequest request,
        string task,
        string id,
        CancellationToken cancellationToken) => await units.DownloadAsync(request, task, id, cancellationToken).ConfigureAwait(false);

    [Function("DeleteMyAttachment")]
    public async Task<IActionResult> DeleteMyAttachment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.Prefix + ApiRoutes.MyAttachment)] HttpRequest request,
        string task,
        string id,
        CancellationToken cancellationToken) => await units.DetachAsync(request, task, id, cancellationToken).ConfigureAwait(false);
}
