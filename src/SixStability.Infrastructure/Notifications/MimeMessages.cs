using MimeKit;

namespace SixStability.Infrastructure.Notifications;

/// <summary>One recipient's mail as MIME (text and HTML alternatives, attachments, tracking headers).</summary>
internal static class MimeMessages
{
    public static MimeMessage Create(MailBatch batch, MailRecipient recipient, MailOptions options, DateTimeOffset now)
    {
        RenderedMail mail = recipient.Mail;
        var message = new MimeMessage { Subject = mail.Subject, Date = now };
        message.From.Add(new MailboxAddress(options.FromName, options.From));
        message.To.AddRange(recipient.To.Select(c => new MailboxAddress(c.Name, c.Email)));
        message.Cc.AddRange((recipient.Cc ?? []).Select(c => new MailboxAddress(c.Name, c.Email)));
        message.Headers.Add("X-SixStability-Category", batch.Kind.Category());
        message.Headers.Add("X-SixStability-Cycle", batch.CycleId);
        message.Headers.Add("X-SixStability-Step", batch.Step);
        message.Headers.Add("X-SixStability-Unit", recipient.Unit ?? recipient.Key);

        var body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html };
        foreach (MailAttachment a in batch.Attachments ?? [])
        {
            body.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.ContentType));
        }

        message.Body = body.ToMessageBody();
        return message;
    }
}
