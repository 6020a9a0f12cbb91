namespace SixStability.Workflow.Pages.Plans;

/// <summary>
/// <c>/coord/plans</c>: the page that loads the directory and plans from files (the route has checked the
/// role), with the anti-forgery token its script sends back with every write.
/// </summary>
public sealed class PlansPageHandlers(HtmlComposer html, AntiForgery antiForgery)
{
    public async Task<ApiResult> GetAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        Actor viewer = call.Actor;
        (string token, string? cookie) = viewer.Kind == ActorKind.Person ? antiForgery.ForPage(call.Request, viewer) : (string.Empty, null);
        string page = await html.PageAsync<PlansPage>(new Dictionary<string, object?> { ["Token"] = token }).ConfigureAwait(false);
        return ApiResult.Html(StatusCodes.Status200OK, page).WithCookies(cookie);
    }
}
