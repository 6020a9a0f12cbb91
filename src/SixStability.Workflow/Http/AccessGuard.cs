using Microsoft.Extensions.Options;
using SixStability.Workflow.Pages;

namespace SixStability.Workflow.Http;

/// <summary>
/// The role check every route of the table passes on both hosts, before its handler reads anything
/// (<see cref="RouteInvoker"/>). A route for people: a wrong admin key is 401; nobody signed in is 401 for
/// the API and a redirect to sign in for a page; a role the route does not list is 403; a signed-in write
/// without the page's anti-forgery token is 403. Routes for anyone and for units' links pass (a unit's link
/// is checked by its handler).
/// </summary>
public static class AccessGuard
{
    public static async Task<ApiResult?> CheckAsync(ApiRoute route, RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(call);
        if (route.Access.Kind != RouteAccessKind.People)
        {
            return null;
        }

        Caller caller = call.Caller;
        if (caller.Credential == CallerCredential.WrongKey)
        {
            return ApiResult.Problem(StatusCodes.Status401Unauthorized, "管理员密钥无效", $"请求头 {CallerResolver.KeyHeader} 中的管理员密钥不正确。");
        }

        if (caller.Actor is not { } actor)
        {
            if (route.IsPage && HttpMethods.IsGet(call.Request.Method))
            {
                // An old bookmark (/coord?code=…) carried the admin key: it is not carried on into the sign-in address.
                HttpRequest request = call.Request;
                QueryString kept = QueryString.Create(request.Query.Where(q => !string.Equals(q.Key, "code", StringComparison.OrdinalIgnoreCase)));
                return ApiResult.Found(call.Get<IOptions<AccessOptions>>().Value.SignIn.LoginUrl(request.Path.ToString() + kept.ToString()));
            }

            return ApiResult.Problem(StatusCodes.Status401Unauthorized, "需要登录", $"请先登录（浏览器），或在请求头 {CallerResolver.KeyHeader} 中提供管理员密钥（脚本）。");
        }

        if (!route.Access.Allows(actor))
        {
            string detail = actor.Roles.Count == 0
                ? $"您的账号（{actor.Name}）还没有本系统的角色，请联系市发改委在 Microsoft Entra ID 中为您分配角色。"
                : $"此操作需要以下角色之一：{route.Access}；您的角色：{actor.RoleText}。";
            return await RefuseAsync(route, call, "无权访问", detail).ConfigureAwait(false);
        }

        if (caller.Credential == CallerCredential.Session && IsWrite(call.Request.Method)
            && !call.Get<AntiForgery>().IsValid(call.Request, actor, call.Request.Headers[AntiForgery.Header].ToString()))
        {
            return await RefuseAsync(route, call, "页面已过期", "这次操作缺少有效的防伪令牌（页面可能已过期或来自其他网站），未做任何更改。请刷新页面后重试。").ConfigureAwait(false);
        }

        return null;
    }

    private static bool IsWrite(string method) => !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    /// <summary>403: a page for a page, problem+json for the API.</summary>
    private static async Task<ApiResult> RefuseAsync(ApiRoute route, RouteCall call, string title, string detail)
    {
        if (!route.IsPage)
        {
            return ApiResult.Problem(StatusCodes.Status403Forbidden, title, detail);
        }

        string page = await call.Get<HtmlComposer>().PageAsync<ErrorPage>(new Dictionary<string, object?> { ["Title"] = title, ["Detail"] = detail }).ConfigureAwait(false);
        return ApiResult.Html(StatusCodes.Status403Forbidden, page);
    }
}
