namespace SixStability.Workflow.Http;

/// <summary>
/// Every path both hosts serve (CONTRACT.md), as constants the Function app's trigger attributes can
/// name. host.json's routePrefix is empty, so pages sit at the root (/u) and the API carries "api/".
/// </summary>
public static class RouteTemplates
{
    public const string Plan = "api/plans/{planId}";
    public const string Directory = "api/directory";
    public const string Cycles = "api/cycles";
    public const string Cycle = "api/cycles/{cycleId}";
    public const string CycleSummary = "api/cycles/{cycleId}/summary";
    public const string CycleExtensions = "api/cycles/{cycleId}/extensions";
    public const string CycleClose = "api/cycles/{cycleId}/close";
    public const string CycleCancel = "api/cycles/{cycleId}/cancel";
    public const string CycleResume = "api/cycles/{cycleId}/resume";
    public const string CycleReturns = "api/cycles/{cycleId}/returns";
    public const string CycleObligation = "api/cycles/{cycleId}/units/{unitId}/obligations/{task}";
    public const string CycleAttachment = "api/cycles/{cycleId}/units/{unitId}/obligations/{task}/attachments/{id}";
    public const string CycleExtensionRequest = "api/cycles/{cycleId}/extension-requests/{unitId}";
    public const string MyObligations = "api/me/obligations";
    public const string MyExtensionRequest = "api/me/extension-request";
    public const string MyDraft = "api/me/obligations/{task}/draft";
    public const string MySubmission = "api/me/obligations/{task}/submission";
    public const string MyHistory = "api/me/obligations/{task}/history";
    public const string MyAttachments = "api/me/obligations/{task}/attachments";
    public const string MyAttachment = "api/me/obligations/{task}/attachments/{id}";
    public const string OpenApi = "api/openapi.json";

    /// <summary>The unit's form, reached from the signed link in its mail.</summary>
    public const string UnitPage = "u";

    /// <summary>
    /// The coordinator's board (市发改委). Not "admin": the Functions host refuses every route that
    /// starts with "admin" or "runtime" (its built-in routes), so such a page would exist only on DevHost.
    /// </summary>
    public const string CoordinatorPage = "coord";

    /// <summary>Static files the pages load (the board's script), so pages need no inline script.</summary>
    public const string Asset = "assets/{name}";
}
