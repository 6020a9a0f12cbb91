using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Http;
using SixStability.Workflow.Reports;

namespace SixStability.Functions.Http;

/// <summary>Coordinator routes for cycles; the durable client comes from the host's binding.</summary>
public sealed class CycleFunctions(CycleHandlers cycles, SummaryReports reports)
{
    [Function("ListCycles")]
    public async Task<IActionResult> ListCycles(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Prefix + ApiRoutes.Cycles)] HttpRequest request,
        CancellationToken cancellationToken) => await cycles.ListAsync(cancellationToken).ConfigureAwait(false);

    [Function("GetCycleSummary")]
    public async Task<IActionResult> GetCycleSummary(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Prefix + ApiRoutes.CycleSummary)] HttpRequest request,
        string cycleId,
        CancellationToken cancellationToken) => await reports.GetAsync(request, cycleId, cancellationToken).ConfigureAwait(false);

    [Function("StartCycle")]
    public async Task<IActionResult> StartCycle(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Prefix + ApiRoutes.Cycles)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) => await cycles.StartAsync(request, new DurableTaskCycleClient(client), cancellationToken).ConfigureAwait(false);

    [Function("GetCycle")]
    public async Task<IActionResult> GetCycle(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Prefix + ApiRoutes.Cycle)] HttpRequest request,
        string cycleId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) => await cycles.GetAsync(cycleId, new DurableTaskCycleClient(client), cancellationToken).ConfigureAwait(false);

    [Function("ExtendCycle")]
    public async Task<IActionResult> ExtendCycle(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Prefix + ApiRoutes.CycleExtensions)] HttpRequest request,
        string cycleId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) => await cycles.ExtendAsync(request, cycleId, new DurableTaskCycleClient(client), cancellationToken).ConfigureAwait(false);

    [Function("CloseCycle")]
    public async Task<IActionResult> CloseCycle(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Prefix + ApiRoutes.CycleClose)] HttpRequest request,
        string cycleId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) => await cycles.CloseAsync(cycleId, new DurableTaskCycleClient(client), cancellationToken).ConfigureAwait(false);

    [Function("CancelCycle")]
    public async Task<IActionResult> CancelCycle(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Prefix + ApiRoutes.CycleCancel)] HttpRequest request,
        string cycleId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) => await cycles.CancelAsync(cycleId, new DurableTaskCycleClient(client), cancellationToken).ConfigureAwait(false);
}
