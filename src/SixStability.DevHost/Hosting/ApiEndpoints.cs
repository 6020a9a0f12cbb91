using SixStability.Workflow.Cycles;
using SixStability.Workflow.Http;
using SixStability.Workflow.Pages;
using SixStability.Workflow.Plans;
using SixStability.Workflow.Ports;
using SixStability.Workflow.Reports;
using SixStability.Workflow.Submissions;
using SixStability.Workflow.Units;

namespace SixStability.DevHost.Hosting;

/// <summary>The same /api routes as the Function app, delegating to the same handlers.</summary>
internal static class ApiEndpoints
{
    private const string LegacyCoordinatorPage = "/admin";

    public static IEndpointRouteBuilder MapSixStabilityApi(this IEndpointRouteBuilder app)
    {
        RouteGroupBuilder admin = app.MapGroup("/api").AddEndpointFilter<AdminKeyFilter>();

        admin.MapPut(ApiRoutes.Plan, (string planId, HttpRequest request, PlanHandlers plans, CancellationToken ct) => plans.PutAsync(request, planId, ct));
        admin.MapGet(ApiRoutes.Plan, (string planId, PlanHandlers plans, CancellationToken ct) => plans.GetAsync(planId, ct));
        admin.MapPut(ApiRoutes.Directory, (HttpRequest request, DirectoryHandlers directory, CancellationToken ct) => directory.PutAsync(request, ct));
        admin.MapGet(ApiRoutes.Directory, (DirectoryHandlers directory, CancellationToken ct) => directory.GetAsync(ct));
        admin.MapPost(ApiRoutes.Cycles, (HttpRequest request, CycleHandlers cycles, ICycleClient engine, CancellationToken ct) => cycles.StartAsync(request, engine, ct));
        admin.MapGet(ApiRoutes.Cycles, (CycleHandlers cycles, CancellationToken ct) => cycles.ListAsync(ct));
        admin.MapGet(ApiRoutes.CycleSummary, (string cycleId, HttpRequest request, SummaryReports reports, CancellationToken ct) => reports.GetAsync(request, cycleId, ct));
        admin.MapGet(ApiRoutes.Cycle, (string cycleId, CycleHandlers cycles, ICycleClient engine, CancellationToken ct) => cycles.GetAsync(cycleId, engine, ct));
        admin.MapPost(ApiRoutes.CycleExtensions, (string cycleId, HttpRequest request, CycleHandlers cycles, ICycleClient engine, CancellationToken ct) => cycles.ExtendAsync(request, cycleId, engine, ct));
        admin.MapPost(ApiRoutes.CycleClose, (string cycleId, CycleHandlers cycles, ICycleClient engine, CancellationToken ct) => cycles.CloseAsync(cycleId, engine, ct));
        admin.MapPost(ApiRoutes.CycleCancel, (string cycleId, CycleHandlers cycles, ICycleClient engine, CancellationToken ct) => cycles.CancelAsync(cycleId, engine, ct));
        admin.MapGet(ApiRoutes.CycleObligation, (string cycleId, string unitId, string task, ReviewHandlers review, CancellationToken ct) => review.ReadAsync(cycleId, unitId, task, ct));
        admin.MapPost(ApiRoutes.CycleReturns, (string cycleId, HttpRequest request, ReviewHandlers review, CancellationToken ct) => review.ReturnAsync(request, cycleId, ct));
        admin.MapGet(ApiRoutes.CycleAttachment, (string cycleId, string unitId, string task, string id, UnitHandlers units, CancellationToken ct) => units.DownloadAsync(cycleId, unitId, task, id, ct));
        admin.MapPost(ApiRoutes.CycleExtensionRequest, (string cycleId, string unitId, HttpRequest request, ReviewHandlers review, ICycleClient engine, CancellationToken ct) => review.DecideExtensionAsync(request, cycleId, unitId, engine, ct));

        // A unit's routes: its signed link is the credential, no admin key.
        RouteGroupBuilder unit = app.MapGroup("/api");
        unit.MapGet(ApiRoutes.MyObligations, (HttpRequest request, UnitHandlers units, CancellationToken ct) => units.ListAsync(request, ct));
        unit.MapPost(ApiRoutes.MySubmission, (string task, HttpRequest request, UnitHandlers units, CancellationToken ct) => units.SubmitAsync(request, task, ct));
        unit.MapPut(ApiRoutes.MyDraft, (string task, HttpRequest request, UnitHandlers units, CancellationToken ct) => units.SaveDraftAsync(request, task, ct));
        unit.MapGet(ApiRoutes.MyHistory, (string task, HttpRequest request, UnitHandlers units, CancellationToken ct) => units.HistoryAsync(request, task, ct));
        unit.MapPost(ApiRoutes.MyExtensionRequest, (HttpRequest request, UnitHandlers units, CancellationToken ct) => units.RequestExtensionAsync(request, ct));
        unit.MapPost(ApiRoutes.MyAttachments, (string task, HttpRequest request, UnitHandlers units, CancellationToken ct) => units.AttachAsync(request, task, ct));
        unit.MapGet(ApiRoutes.MyAttachment, (string task, string id, HttpRequest request, UnitHandlers units, CancellationToken ct) => units.DownloadAsync(request, task, id, ct));
        unit.MapDelete(ApiRoutes.MyAttachment, (string task, string id, HttpRequest request, UnitHandlers units, CancellationToken ct) => units.DetachAsync(request, task, id, ct));

        // Pages for people, outside /api.
        app.MapGet("/" + PageRoutes.Unit, (HttpRequest request, UnitFormPage page, CancellationToken ct) => page.GetAsync(request, ct));
        app.MapPost("/" + PageRoutes.Unit, (HttpRequest request, UnitFormPage page, CancellationToken ct) => page.PostAsync(request, ct)).DisableAntiforgery();
        app.MapGet("/" + PageRoutes.Coordinator, () => AdminPage.Get()).AddEndpointFilter<AdminKeyFilter>();

        // DevHost only: the coordinator's page used to be /admin, which the Functions host reserves;
        // old bookmarks land on /coord with their query (?code=…). Not part of the shared route table.
        app.MapGet(LegacyCoordinatorPage, (HttpRequest request) => Results.Redirect("/" + PageRoutes.Coordinator + request.QueryString, permanent: true, preserveMethod: true))
            .ExcludeFromDescription();
        return app;
    }
}
