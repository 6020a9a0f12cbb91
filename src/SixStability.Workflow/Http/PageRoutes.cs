namespace SixStability.Workflow.Http;

/// <summary>The pages people open (CONTRACT.md), outside /api, served by both hosts.</summary>
public static class PageRoutes
{
    public const string Unit = "u";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<(string Method, string Route)> All =
    [
        ("GET", Unit),
        ("POST", Unit),
        ("GET", Admin),
    ];
}
