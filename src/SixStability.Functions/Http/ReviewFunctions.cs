using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Http;
using SixStability.Workflow.Submissions;

namespace SixStability.Functions.Http;

/// <summary>The coordinator's review routes: return a submission, decide an extension request.</summary>
public sealed class ReviewFunctions(ReviewHandlers review, UnitHandlers units)
{
    [Function("ReadAttachment")]
    public async Task<IActionResult> ReadAttachment(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Prefix + ApiRoutes.CycleAttachment)] HttpRequest request,
        string cycleId,
        string unitId,
        string task,
        string id,
        CancellationToken cancellationToken) => await units.DownloadAsync(cycleId, unitId, task, id, cancellationToken).ConfigureAwait(false);

    [Function("ReadObligation")]
    public async Task<IActionResult> ReadObligation(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Prefix + ApiRoutes.CycleObligation)] HttpRequest request,
        string cycleId,
        string unitId,
        string task,
        CancellationToken cancellationToken) => await review.ReadAsync(cycleId, unitId, task, cancellationToken).ConfigureAwait(false);

    [Function("ReturnSubmission")]
    public async Task<IActionResult> ReturnSubmission(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Prefix + ApiRoutes.CycleReturns)] HttpRequest request,
        string cycleId,
        CancellationToken cancellationToken) => await review.ReturnAsync(request, cycleId, cancellationToken).ConfigureAwait(false);

    [Function("DecideExtensionRequest")]
    public async Task<IActionResult> DecideExtensionRequest(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Prefix + ApiRoutes.CycleExtensionRequest)] HttpRequest request,
        string cycleId,
        string unitId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) => await review.DecideExtensionAsync(request, cycleId, unitId, new DurableTaskCycleClient(client), cancellationToken).ConfigureAwait(false);
}
