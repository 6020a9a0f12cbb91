using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using SixStability.Infrastructure.Notifications;

namespace SixStability.DevHost.Hosting;

/// <summary>
/// <c>/dev/mail</c>: the development mail sink as pages, so a newcomer reads what units and leaders
/// would receive — the mail and, beside it, every group-robot message the DevHost's robot sink accepted
/// (<see cref="RobotSink"/>). Only in DevHost; the Function app has no such route.
/// </summary>
internal static class MailSinkPages
{
    public static IEndpointRouteBuilder MapMailSink(this IEndpointRouteBuilder app)
    {
        // Mail holds every unit's signed link: only someone at this machine may read it.
        app.MapGet("/dev/mail", (IOptions<MailOptions> options) => Results.Content(Index(Folder(options)), "text/html; charset=utf-8"))
            .AddEndpointFilter(LoopbackOnly);
        app.MapGet("/dev/mail/{name}", (string name, IOptions<MailOptions> options) =>
        {
            string folder = Folder(options);
            string path = Path.Combine(folder, Path.GetFileName(name));
            bool robot = name.EndsWith(RobotSink.FileSuffix, StringComparison.Ordinal);
            if (!(robot || name.EndsWith(".eml", StringComparison.Ordinal)) || !File.Exists(path))
            {
                return Results.Content(Page("未找到邮件", "<p>没有这封邮件。<a href=\"/dev/mail\">返回列表</a></p>"), "text/html; charset=utf-8", statusCode: 404);
            }

            if (robot)
            {
                RobotSinkPages.Summary summary = RobotSinkPages.Read(path);
                return Results.Content(Page(summary.Title.Length > 0 ? summary.Title : "群机器人消息", RobotSinkPages.Page(path, E)), "text/html; charset=utf-8");
            }

            using MimeMessage mail = MimeMessage.Load(path);
            string head = $"<p><a href=\"/dev/mail\">← 返回列表</a></p><table><tr><th>主题</th><td>{E(mail.Subject)}</td></tr><tr><th>收件人</th><td>{E(mail.To.ToString())}</td></tr><tr><th>时间</th><td>{mail.Date.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm:ss}</td></tr><tr><th>类别</th><td>{E(mail.Headers["X-SixStability-Category"] ?? string.Empty)}</td></tr></table><hr>";
            return Results.Content(Page(mail.Subject ?? "（无主题）", head + (mail.HtmlBody ?? $"<pre>{E(mail.TextBody ?? string.Empty)}</pre>")), "text/html; charset=utf-8");
        }).AddEndpointFilter(LoopbackOnly);
        return app;
    }

    /// <summary>404 unless the request comes from this machine (no forwarded headers are honoured, so this is the real peer).</summary>
    private static async ValueTask<object?> LoopbackOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)
            ? await next(context).ConfigureAwait(false)
            : Results.NotFound();

    private static string Folder(IOptions<MailOptions> options) => Path.GetFullPath(options.Value.SinkPath);

    /// <summary>Mail and robot messages in one list, newest first (both file names start with the time they were written).</summary>
    private static string Index(string folder)
    {
        var rows = new StringBuilder();
        FileInfo[] files = Directory.Exists(folder)
            ? [.. new DirectoryInfo(folder).EnumerateFiles()
                .Where(f => f.Name.EndsWith(".eml", StringComparison.Ordinal) || f.Name.EndsWith(RobotSink.FileSuffix, StringComparison.Ordinal))
                .OrderByDescending(f => f.Name, StringComparer.Ordinal).Take(500)]
            : [];
        int robots = 0;
        foreach (FileInfo file in files)
        {
            string link = $"/dev/mail/{Uri.EscapeDataString(file.Name)}";
            if (file.Name.EndsWith(RobotSink.FileSuffix, StringComparison.Ordinal))
            {
                robots++;
                RobotSinkPages.Summary robot = RobotSinkPages.Read(file.FullName);
                string to = robot.Mentions.Length > 0 ? $"{robot.Robot} {robot.Mentions}" : robot.Robot;
                rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"<tr class=\"robot\"><td>{robot.ReceivedAt.ToOffset(TimeSpan.FromHours(8)):MM-dd HH:mm:ss}</td><td>{E(robot.Channel)}群</td><td>{E(to)}</td><td><a href=\"{link}\">{E(robot.Preview)}</a></td></tr>");
                continue;
            }

            using MimeMessage mail = MimeMessage.Load(file.FullName);
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"<tr><td>{mail.Date.ToOffset(TimeSpan.FromHours(8)):MM-dd HH:mm:ss}</td><td>邮件·{E(mail.Headers["X-SixStability-Category"] ?? string.Empty)}</td><td>{E(mail.To.ToString())}</td><td><a href=\"{link}\">{E(mail.Subject)}</a></td></tr>");
        }

        string body = files.Length == 0
            ? $"<p>还没有邮件（{E(folder)}）。</p>"
            : $"<p>共 {files.Length - robots} 封邮件、{robots} 条群机器人消息（最新在前），目录：{E(folder)}</p><table class=\"list\"><tr><th>时间</th><th>渠道</th><th>收件人</th><th>主题</th></tr>{rows}</table>";
        return Page("开发邮箱", body);
    }

    private static string Page(string title, string body) =>
        $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{E(title)}</title>" +
        "<style>body{font-family:'Microsoft YaHei','PingFang SC','Noto Sans CJK SC',sans-serif;margin:1.5em}table{border-collapse:collapse;max-width:100%}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top;overflow-wrap:anywhere}" +
        "tr.robot td{background:#f3f8f1}.chat{background:#ededed;padding:16px;max-width:420px;border-radius:8px}.bubble{background:#fff;border-radius:6px;padding:8px 14px;box-shadow:0 1px 2px rgba(0,0,0,.15);overflow-wrap:anywhere}.bubble h3{font-size:16px;margin:.4em 0}.bubble ul{padding-left:1.2em}" +
        "@media (max-width:600px){h1{font-size:1.4em}table.list,table.list tbody,table.list tr,table.list td{display:block;border:0}table.list tr:first-child{display:none}table.list tr{border:1px solid #ccc;margin:0 0 8px;padding:4px 8px}table.list td{padding:2px 0}}</style>" +
        $"</head><body><h1>{E(title)}</h1>{body}</body></html>";

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
