namespace SixStability.Workflow.Http;

/// <summary>
/// Every path both hosts serve (CONTRACT.md), as constants the Function app's trigger attributes can
/// name. host.json's routePrefix is empty, so pages sit at the root (/u) and the API carries "api/".
/// </summary>
public static class RouteTemplates
{
    public const string Plan = "api/plans/{planId}";
    public const string PlanDraft = "api/plans/{planId}/draft";
    public const string PlanDraftCorrections = "api/plans/{planId}/draft/corrections";
    public const string PlanDraftConfirm = "api/plans/{planId}/draft/confirm";
    public const string Directory = "api/directory";
    public const string Cycles = "api/cycles";
    public const string Cycle = "api/cycles/{cycleId}";
    public const string CycleSummary = "api/cycles/{cycleId}/summary";
    public const string PlanYear = "api/plans/{planId}/years/{year}";
    public const string CycleExtensions = "api/cycles/{cycleId}/extensions";
    public const string CycleClose = "api/cycles/{cycleId}/close";
    public const string CycleCancel = "api/cycles/{cycleId}/cancel";
    public const string CycleResume = "api/cycles/{cycleId}/resume";
    public const string CycleReturns = "api/cycles/{cycleId}/returns";
    public const string CycleObligation = "api/cycles/{cycleId}/units/{unitId}/obligations/{task}";
    public const string CycleAcceptance = "api/cycles/{cycleId}/units/{unitId}/obligations/{task}/accept";
    public const string CycleAttachment = "api/cycles/{cycleId}/units/{unitId}/obligations/{task}/attachments/{id}";
    public const string CycleExtensionRequest = "api/cycles/{cycleId}/extension-requests/{unitId}";
    public const string MyObligations = "api/me/obligations";
    public const string MyExtensionRequest = "api/me/extension-request";
    public const string MyContact = "api/me/contact";
    public const string MyDraft = "api/me/obligations/{task}/draft";
    public const string MySubmission = "api/me/obligations/{task}/submission";
    public const string MyHistory = "api/me/obligations/{task}/history";
    public const string MyAttachments = "api/me/obligations/{task}/attachments";
    public const string MyAttachment = "api/me/obligations/{task}/attachments/{id}";
    public const string OpenApi = "api/openapi.json";
    public const string Audit = "api/audit";

    /// <summary>The unit's form, reached from the signed link in its mail.</summary>
    public const string UnitPage = "u";

    /// <summary>
    /// The coordinator's board (市发改委). Not "admin": the Functions host refuses every route that
    /// starts with "admin" or "runtime" (its built-in routes), so such a page would exist only on DevHost.
    /// </summary>
    public const string CoordinatorPage = "coord";

    /// <summary>Loading the directory and plans from files, and reviewing a plan's draft.</summary>
    public const string PlansPage = "coord/plans";

    /// <summary>A plan's year at a glance: ranking, chart, 表扬 and 问责 (<c>?plan=&amp;year=</c>).</summary>
    public const string YearPage = "coord/year";

    /// <summary>Static files the pages load (the board's script), so pages need no inline script.</summary>
    public const string Asset = "assets/{name}";
}
