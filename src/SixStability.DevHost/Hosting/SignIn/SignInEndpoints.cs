using SixStability.Core.Units;
using SixStability.Workflow.Pages;
using SixStability.Workflow.Rendering;

namespace SixStability.DevHost.Hosting.SignIn;

/// <summary>
/// DevHost only, outside the shared route table (the Function app signs people in with App Service
/// Authentication): <c>GET/POST /signin</c> lists the directory's people and signs one in, <c>POST /signout</c>
/// ends the session. Refused (403) unless DevHost listens on loopback alone and the request comes from this
/// machine; posts from another site are refused as on every route (<see cref="CrossSiteGuard"/>), and
/// signing out also needs the page's anti-forgery token.
/// </summary>
internal static class SignInEndpoints
{
    private const string Unavailable = "本机登录只在 DevHost 仅监听本机回环地址（localhost、127.0.0.1、[::1]）时提供，用于演示和测试。脚本请在请求头 x-functions-key 中提供管理员密钥。";

    public static IEndpointRouteBuilder MapLocalSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/signin", async (HttpContext context, DevSessions sessions, IDirectoryStore directory, HtmlComposer html) =>
        {
            if (!sessions.Allows(context))
            {
                return await ErrorAsync(html, StatusCodes.Status403Forbidden, "本机登录不可用", Unavailable).ConfigureAwait(false);
            }

            UnitDirectory? units = (await directory.GetAsync(null, context.RequestAborted).ConfigureAwait(false))?.Value;
            string page = await html.PageAsync<LocalSignInPage>(new Dictionary<string, object?>
            {
                ["People"] = DevPerson.From(units),
                ["ReturnUrl"] = SignInFlow.LocalPath(context.Request.Query["returnUrl"].ToString()),
            }).ConfigureAwait(false);
            return ApiResult.Html(StatusCodes.Status200OK, page);
        }).ExcludeFromDescription();

        app.MapPost("/signin", async (HttpContext context, DevSessions sessions, IDirectoryStore directory, IOptions<AccessOptions> access, HtmlComposer html) =>
        {
            if (CrossSiteGuard.IsCrossSite(context.Request))
            {
                return await ErrorAsync(html, StatusCodes.Status403Forbidden, CrossSiteGuard.Title, CrossSiteGuard.Detail).ConfigureAwait(false);
            }

            if (!sessions.Allows(context))
            {
                return await ErrorAsync(html, StatusCodes.Status403Forbidden, "本机登录不可用", Unavailable).ConfigureAwait(false);
            }

            IFormCollection form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false) : FormCollection.Empty;
            UnitDirectory? units = (await directory.GetAsync(null, context.RequestAborted).ConfigureAwait(false))?.Value;
            string chosen = form["person"].ToString();
            if (DevPerson.From(units).FirstOrDefault(p => p.Key == chosen) is not { } person)
            {
                return await ErrorAsync(html, StatusCodes.Status400BadRequest, "无法登录", "名录中没有所选人员，请回到登录页重新选择。").ConfigureAwait(false);
            }

            // Who it is comes from the directory here, never from the form: the form only names the entry.
            return ApiResult.SeeOther(SignInFlow.LocalPath(form["returnUrl"].ToString()))
                .WithCookies(sessions.Issue(person.AsSignedIn(access.Value.AppRoles)));
        }).ExcludeFromDescription();

        app.MapPost("/signout", async (HttpContext context, DevSessions sessions, CallerResolver callers, AntiForgery antiForgery, HtmlComposer html) =>
        {
            if (CrossSiteGuard.IsCrossSite(context.Request))
            {
                return await ErrorAsync(html, StatusCodes.Status403Forbidden, CrossSiteGuard.Title, CrossSiteGuard.Detail).ConfigureAwait(false);
            }

            Actor? actor = callers.Resolve(context.Request, sessions.Read(context), null).Actor;
            IFormCollection form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false) : FormCollection.Empty;
            if (actor is not null && !antiForgery.IsValid(context.Request, actor, form[AntiForgery.Field].ToString()))
            {
                return await ErrorAsync(html, StatusCodes.Status403Forbidden, "页面已过期", "退出登录缺少有效的防伪令牌，请刷新页面后重试。").ConfigureAwait(false);
            }

            return ApiResult.SeeOther("/signin").WithCookies(DevSessions.Clear);
        }).ExcludeFromDescription();
        return app;
    }

    private static async Task<ApiResult> ErrorAsync(HtmlComposer html, int status, string title, string detail) =>
        ApiResult.Html(status, await html.PageAsync<ErrorPage>(new Dictionary<string, object?> { ["Title"] = title, ["Detail"] = detail }).ConfigureAwait(false));
}
