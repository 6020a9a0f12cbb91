using SixStability.DevHost.Hosting.MailSink;
using SixStability.Infrastructure.Notifications;
using SixStability.Workflow.Pages;
using SixStability.Workflow.Rendering;

namespace SixStability.DevHost.Hosting;

/// <summary>
/// <c>/dev/mail</c>: the development mail sink as pages (Razor components under <c>MailSink/</c>), so a
/// newcomer reads what units and leaders would receive — the mail and, beside it, every group-robot message the
/// DevHost's robot sink accepted (<see cref="RobotSink"/>). Only in DevHost; the Function app has no such route.
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
            FileInfo[] files = Directory.Exists(folder)
                ? [.. new DirectoryInfo(folder).EnumerateFiles().Where(f => IsMail(f.Name) || IsRobot(f.Name)).OrderByDescending(f => f.Name, StringComparer.Ordinal).Take(MaxListed)]
                : [];
            SinkMail[] mails = [.. files.Where(f => IsMail(f.Name)).Select(f => SinkMail.Load(f.FullName))];
            SinkRobotMessage[] robots = [.. files.Where(f => IsRobot(f.Name)).Select(f => SinkRobotMessage.Load(f.FullName))];
            string page = await html.PageAsync<MailIndexPage>(new Dictionary<string, object?> { ["Folder"] = folder, ["Mails"] = mails, ["Robots"] = robots }).ConfigureAwait(false);
            return ApiResult.Html(StatusCodes.Status200OK, page);
        }).AddEndpointFilter(LoopbackOnly);
        app.MapGet("/dev/mail/{name}", async (string name, IOptions<MailOptions> options, HtmlComposer html) =>
        {
            string path = Path.Combine(Folder(options), Path.GetFileName(name));
            if (!(IsMail(name) || IsRobot(name)) || !File.Exists(path))
            {
                return ApiResult.Html(StatusCodes.Status404NotFound, await html.PageAsync<ErrorPage>(new Dictionary<string, object?> { ["Title"] = "未找到邮件", ["Detail"] = "没有这封邮件，请回到 /dev/mail 的列表。" }).ConfigureAwait(false));
            }

            if (IsRobot(name))
            {
                string robot = await html.PageAsync<RobotMessagePage>(new Dictionary<string, object?> { ["Message"] = SinkRobotMessage.Load(path) }).ConfigureAwait(false);
                return ApiResult.Html(StatusCodes.Status200OK, robot);
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

    private static bool IsMail(string name) => name.EndsWith(".eml", StringComparison.Ordinal);

    private static bool IsRobot(string name) => name.EndsWith(RobotSink.FileSuffix, StringComparison.Ordinal);

    private static string Folder(IOptions<MailOptions> options) => Path.GetFullPath(options.Value.SinkPath);
}
