using Microsoft.Extensions.Options;

namespace SixStability.Workflow.Pages.Coordinator;

/// <summary>
/// <c>/coord</c>: the board as the reader's role allows it (the route has checked the role), with the
/// anti-forgery token its script sends back, and for 协调员 and 督查室 the audit trail filtered by
/// <c>auditCycle</c>, <c>auditPerson</c> and <c>auditAction</c>.
/// </summary>
public sealed class CoordinatorPageHandlers(HtmlComposer html, AntiForgery antiForgery, IOptions<AccessOptions> access, IAuditLog audit, ICycleStore cycles)
{
    private const int AuditRows = 200;

    public async Task<ApiResult> GetAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        Actor viewer = call.Actor;
        (string token, string? cookie) = viewer.Kind == ActorKind.Person ? antiForgery.ForPage(call.Request, viewer) : (string.Empty, null);
        AuditPanel? panel = null;
        if (viewer.Has(Role.Coordinator) || viewer.Has(Role.Supervision))
        {
            IQueryCollection query = call.Request.Query;
            (AuditFilter? filter, _) = AuditHandlers.Filter(new QueryCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>
            {
                ["cycle"] = query["auditCycle"],
                ["person"] = query["auditPerson"],
                ["action"] = query["auditAction"],
            }));
            filter ??= new AuditFilter(); // a filter that does not parse shows everything rather than an error page
            IReadOnlyList<AuditEntry> entries = await audit.ListAsync(filter, AuditRows + 1, call.Aborted).ConfigureAwait(false);
            IReadOnlyList<string> known = [.. (await cycles.ListAsync(call.Aborted).ConfigureAwait(false)).Select(c => c.CycleId).Order(StringComparer.Ordinal)];
            panel = new AuditPanel([.. entries.Take(AuditRows)], filter, known, entries.Count > AuditRows);
        }

        string page = await html.PageAsync<CoordinatorPage>(new Dictionary<string, object?>
        {
            ["Viewer"] = viewer,
            ["Token"] = token,
            ["SignIn"] = access.Value.SignIn,
            ["Audit"] = panel,
        }).ConfigureAwait(false);
        return ApiResult.Html(StatusCodes.Status200OK, page).WithCookies(cookie);
    }
}
