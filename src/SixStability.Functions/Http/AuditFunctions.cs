namespace SixStability.Functions.Http;

/// <summary>The audit trail (协调员, 督查室; the app checks the role).</summary>
public sealed class AuditFunctions(FunctionRoutes routes)
{
    [Function("GetAudit")]
    public Task<IActionResult> GetAudit([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = RouteTemplates.Audit)] HttpRequest request) =>
        routes.InvokeAsync(nameof(GetAudit), request);
}
