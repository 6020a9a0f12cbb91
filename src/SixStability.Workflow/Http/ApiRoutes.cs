namespace SixStability.Workflow.Http;

/// <summary>The /api routes both hosts expose (CONTRACT.md); tests check the hosts against this list.</summary>
public static class ApiRoutes
{
    public const string Plan = "plans/{planId}";
    public const string Directory = "directory";

    public static readonly IReadOnlyList<(string Method, string Route)> All =
    [
        ("PUT", Plan),
        ("GET", Plan),
        ("PUT", Directory),
        ("GET", Directory),
    ];
}
