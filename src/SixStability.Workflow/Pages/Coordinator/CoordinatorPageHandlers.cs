using Microsoft.AspNetCore.Http;
using SixStability.Workflow.Http;
using SixStability.Workflow.Rendering;

namespace SixStability.Workflow.Pages.Coordinator;

/// <summary>The coordinator's board; the host has checked the admin key.</summary>
public sealed class CoordinatorPageHandlers(HtmlComposer html)
{
    public async Task<ApiResult> GetAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return ApiResult.Html(StatusCodes.Status200OK, await html.PageAsync<CoordinatorPage>(new Dictionary<string, object?>()).ConfigureAwait(false));
    }
}
