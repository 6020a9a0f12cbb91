using SixStability.Workflow.Pages;

namespace SixStability.Workflow.Http;

/// <summary>
/// Refuses a write sent by another site's page (a hidden form that posts to <c>/u?t=…</c> with a link it
/// obtained, or that a unit's browser is tricked into sending). Browsers say where a request comes from:
/// <c>Sec-Fetch-Site</c> (current browsers; the browser sets it, a page cannot) and otherwise <c>Origin</c>.
/// A request with neither (curl, scripts, an old office browser) is not a cross-site browser request and
/// passes; the link or the admin key is still checked after this.
/// </summary>
public static class CrossSiteGuard
{
    public const string Title = "已拒绝来自其他网站的提交";

    public const string Detail = "这次提交不是从本系统的页面发出的（可能来自其他网站），未保存任何内容。请从邮件中的专属链接打开报送页面后再提交。";

    /// <summary>True for a write (POST, PUT, PATCH, DELETE) that a browser says came from another site.</summary>
    public static bool IsCrossSite(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        {
            return false;
        }

        // same-origin: our own page; none: the person typed or bookmarked it. same-site (a sibling
        // subdomain of a shared government domain) is another site here.
        string site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is not ("same-origin" or "none");
        }

        string origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false;
        }

        // "null" (a sandboxed or privacy-hidden origin) is not ours either.
        return !Uri.TryCreate(origin, UriKind.Absolute, out Uri? from)
            || !string.Equals(from.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase)
            || from.Port != (request.Host.Port ?? from.Port);
    }

    /// <summary>403: a page for a page's form, problem+json for the API. Nothing was read or stored.</summary>
    public static async Task<ApiResult> RefuseAsync(ApiRoute route, RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(call);
        if (route.ResponseMediaType != "text/html")
        {
            return ApiResult.Problem(StatusCodes.Status403Forbidden, Title, Detail);
        }

        string page = await call.Get<HtmlComposer>().PageAsync<ErrorPage>(new Dictionary<string, object?> { ["Title"] = Title, ["Detail"] = Detail }).ConfigureAwait(false);
        return ApiResult.Html(StatusCodes.Status403Forbidden, page);
    }
}
