using System.Net;
using Microsoft.Extensions.Options;
using SixStability.DevHost.Hosting.MailSink;
using SixStability.Infrastructure.Notifications;
using SixStability.Workflow.Http;
using SixStability.Workflow.Pages;
using SixStability.Workflow.Rendering;

namespace SixStability.DevHost.Hosting;

/// <summary>
/// <c>/dev/mail</c>: the development mail sink as pages (Razor components under <c>MailSink/</c>), so a
/// newcomer reads what units and leaders would receive. Only in DevHost; the Function app has no such route.
/// Answered as <see cref="ApiResult"/>, so they carry the same security headers as every other page.
/// </summary>
internal static class MailSinkPages
{
    private const int MaxListed = 500;

    public static IEndpointRouteBuilder MapMailSink(this IEndpointRouteBuilder app)
    {
        // Mail holds every unit's signed link: only someone at this machine may read it.
        app.MapGet("/dev/mail", async (IOptions<MailOptions> options, HtmlComposer html) =>
        {
            string folder = Folder(options);
            SinkMail[] mails = Directory.Exists(folder)
                ? [.. new DirectoryInfo(folder).GetFiles("*.eml").OrderByDescending(f => f.Name, StringComparer.Ordinal).Take(MaxListed).Select(f => SinkMail.Load(f.FullName))]
                : [];
            return ApiResult.Html(StatusCodes.Status200OK, await html.PageAsync<MailIndexPage>(new Dictionary<string, object?> { ["Folder"] = folder, ["Mails"] = mails }).ConfigureAwait(false));
        }).AddEndpointFilter(LoopbackOnly);
        app.MapGet("/dev/mail/{name}", async (string name, IOptions<MailOptions> options, HtmlComposer html) =>
        {
            string path = Path.Combine(Folder(options), Path.GetFileName(name));
            if (!name.EndsWith(".eml", StringComparison.Ordinal) || !File.Exists(path))
            {
                return ApiResult.Html(StatusCodes.Status404NotFound, await html.PageAsync<ErrorPage>(new Dictionary<string, object?> { ["Title"] = "未找到邮件", ["Detail"] = "没有这封邮件，请回到 /dev/mail 的列表。" }).ConfigureAwait(false));
            }

            string page = await html.PageAsync<MailMessagePage>(new Dictionary<string, object?> { ["Mail"] = SinkMail.Load(path) }).ConfigureAwait(false);
            return ApiResult.Html(StatusCodes.Status200OK, page, mailDocument: true);
        }).AddEndpointFilter(LoopbackOnly);
        return app;
    }

    /// <summary>404 unless the request comes from this machine (no forwarded headers are honoured, so this is the real peer).</summary>
    private static async ValueTask<object?> LoopbackOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)
            ? await next(context).ConfigureAwait(false)
            : Results.NotFound();

    private static string Folder(IOptions<MailOptions> options) => Path.GetFullPath(options.Value.SinkPath);
}
