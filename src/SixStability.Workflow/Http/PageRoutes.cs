namespace SixStability.Workflow.Http;

/// <summary>The pages people open (CONTRACT.md), outside /api, served by both hosts.</summary>
public static class PageRoutes
{
    public const string Unit = "u";

    /// <summary>
    /// The coordinator's page (市发改委). Not "admin": the Functions host refuses every route that
    /// starts with "admin" or "runtime" (its built-in routes), so such a page would exist only on DevHost.
    /// </summary>
    public const string Coordinator = "coord";

    public static readonly IReadOnlyList<(string Method, string Route)> All =
    [
        ("GET", Unit),
        ("POST", Unit),
        ("GET", Coordinator),
    ];
}
