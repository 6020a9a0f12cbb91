namespace SixStability.Workflow.Http;

/// <summary>The /api routes both hosts expose (CONTRACT.md); tests check the hosts against this list.</summary>
public static class ApiRoutes
{
    /// <summary>The Functions host has an empty routePrefix (host.json) so pages can live at /u and /admin; every API route carries this.</summary>
    public const string Prefix = "api/";
    public const string Plan = "plans/{planId}";
    public const string Directory = "directory";
    public const string Cycles = "cycles";
    public const string Cycle = "cycles/{cycleId}";
    public const string CycleExtensions = "cycles/{cycleId}/extensions";
    public const string CycleClose = "cycles/{cycleId}/close";
    public const string CycleCancel = "cycles/{cycleId}/cancel";
    public const string CycleReturns = "cycles/{cycleId}/returns";
    public const string CycleObligation = "cycles/{cycleId}/units/{unitId}/obligations/{task}";
    public const string CycleExtensionRequest = "cycles/{cycleId}/extension-requests/{unitId}";
    public const string MyObligations = "me/obligations";
    public const string MyExtensionRequest = "me/extension-request";
    public const string MyDraft = "me/obligations/{task}/draft";
    public const string MyHistory = "me/obligations/{task}/history";
    public const string MySubmission = "me/obligations/{task}/submission";
    public const string MyAttachments = "me/obligations/{task}/attachments";
    public const string MyAttachment = "me/obligations/{task}/attachments/{id}";
    public const string CycleSummary = "cycles/{cycleId}/summary";
    public const string CycleAttachment = "cycles/{cycleId}/units/{unitId}/obligations/{task}/attachments/{id}";

    public static readonly IReadOnlyList<(string Method, string Route)> All =
    [
        ("PUT", Plan),
        ("GET", Plan),
        ("PUT", Directory),
        ("GET", Directory),
        ("POST", Cycles),
        ("GET", Cycles),
        ("GET", CycleSummary),
        ("GET", Cycle),
        ("POST", CycleExtensions),
        ("POST", CycleClose),
        ("POST", CycleCancel),
        ("POST", CycleReturns),
        ("GET", CycleObligation),
        ("POST", CycleExtensionRequest),
        ("GET", MyObligations),
        ("POST", MyExtensionRequest),
        ("PUT", MyDraft),
        ("GET", MyHistory),
        ("POST", MySubmission),
        ("POST", MyAttachments),
        ("GET", MyAttachment),
        ("DELETE", MyAttachment),
        ("GET", CycleAttachment),
    ];
}
