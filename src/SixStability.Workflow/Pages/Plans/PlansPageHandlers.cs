using Microsoft.AspNetCore.Http;
using SixStability.Workflow.Http;
using SixStability.Workflow.Rendering;

namespace SixStability.Workflow.Pages.Plans;

/// <summary><c>/coord/plans</c>: the page that loads the directory and plans from files; the route has checked who may.</summary>
public sealed class PlansPageHandlers(HtmlComposer html)
{
    public async Task<ApiResult> GetAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        string code = call.Request.Query["code"].ToString();
        string query = code.Length > 0 ? "?code=" + Uri.EscapeDataString(code) : string.Empty;
        return ApiResult.Html(StatusCodes.Status200OK, await html.PageAsync<PlansPage>(new Dictionary<string, object?> { ["Query"] = query }).ConfigureAwait(false));
    }
}
