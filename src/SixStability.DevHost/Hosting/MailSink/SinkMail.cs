using MimeKit;
using SixStability.Core.Notifications;

namespace SixStability.DevHost.Hosting.MailSink;

/// <summary>One .eml file of the sink as its pages show it; every value is text, encoded by the renderer.</summary>
public sealed record SinkMail(string FileName, DateTimeOffset Date, string Category, string To, string Subject, string? HtmlBody, string? TextBody)
{
    public const string CategoryHeader = "X-SixStability-Category";

    public static SinkMail Load(string path)
    {
        using MimeMessage mail = MimeMessage.Load(path);
        return new SinkMail(
            Path.GetFileName(path),
            mail.Date.ToOffset(TimeSpan.FromHours(8)),
            // The category header is the SendGrid name (reminder); a person reads 催报.
            MailKinds.FromCategory(mail.Headers[CategoryHeader])?.ChineseName() ?? mail.Headers[CategoryHeader] ?? string.Empty,
            mail.To.ToString(),
            mail.Subject ?? string.Empty,
            mail.HtmlBody,
            mail.TextBody);
    }
}
