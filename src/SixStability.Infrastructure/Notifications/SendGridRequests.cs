using SendGrid.Helpers.Mail;

namespace SixStability.Infrastructure.Notifications;

/// <summary>
/// Turns a step's mail into SendGrid v3 requests: one message per up to 1,000 recipients, each
/// recipient a personalization with its own subject, its HTML and text bodies as substitutions of the
/// shared content, and custom_args {cycle, step, unit}. A recipient whose bodies exceed SendGrid's
/// 10,000-byte substitution limit gets a message of its own.
/// </summary>
public static class SendGridRequests
{
    private const int MaxSubstitutionBytes = 9_000;

    // The shared content is nothing but these tags; private-use characters never occur in a
    // rendered body (they are removed from it), so no text a person typed can act as a tag.
    private const string HtmlTag = "\uE000html\uE001";
    private const string TextTag = "\uE000text\uE001";

    public static IReadOnlyList<(SendGridMessage Message, IReadOnlyList<MailRecipient> Recipients)> Build(
        MailBatch batch, IReadOnlyList<MailRecipient> recipients, EmailAddress from, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(recipients);
        var requests = new List<(SendGridMessage, IReadOnlyList<MailRecipient>)>();
        var shared = new List<MailRecipient>();
        foreach (MailRecipient r in recipients)
        {
            if (SubstitutionBytes(r) > MaxSubstitutionBytes)
            {
                requests.Add((Alone(batch, r, from), [r]));
            }
            else
            {
                shared.Add(r);
            }
        }

        foreach (MailRecipient[] chunk in shared.Chunk(batchSize))
        {
            SendGridMessage message = NewMessage(batch, from, chunk[0].Mail.Subject, HtmlTag, TextTag);
            message.Personalizations = [.. chunk.Select(r => Personalization(batch, r, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [HtmlTag] = Safe(r.Mail.Html),
                [TextTag] = Safe(r.Mail.Text),
            }))];
            requests.Add((message, chunk));
        }

        return requests;
    }

    private static SendGridMessage Alone(MailBatch batch, MailRecipient r, EmailAddress from)
    {
        SendGridMessage message = NewMessage(batch, from, r.Mail.Subject, r.Mail.Html, r.Mail.Text);
        message.Personalizations = [Personalization(batch, r, null)];
        return message;
    }

    private static SendGridMessage NewMessage(MailBatch batch, EmailAddress from, string subject, string html, string text)
    {
        var message = new SendGridMessage { From = from, Subject = subject };
        message.AddContent("text/plain", text);
        message.AddContent("text/html", html);
        message.AddCategory(batch.Kind.Category());
        foreach (MailAttachment a in batch.Attachments ?? [])
        {
            message.AddAttachment(a.FileName, Convert.ToBase64String(a.Content), a.ContentType);
        }

        return message;
    }

    private static Personalization Personalization(MailBatch batch, MailRecipient r, Dictionary<string, string>? substitutions) => new()
    {
        Tos = [.. r.To.Select(c => new EmailAddress(c.Email, c.Name))],
        Ccs = r.Cc is { Count: > 0 } cc ? [.. cc.Select(c => new EmailAddress(c.Email, c.Name))] : null,
        Subject = r.Mail.Subject,
        Substitutions = substitutions,
        CustomArgs = new Dictionary<string, string>
        {
            ["cycle"] = batch.CycleId,
            ["step"] = batch.Step,
            ["unit"] = r.Unit ?? r.Key,
        },
    };

    private static int SubstitutionBytes(MailRecipient r) =>
        Encoding.UTF8.GetByteCount(r.Mail.Html) + Encoding.UTF8.GetByteCount(r.Mail.Text) + (2 * 16);

    private static string Safe(string body) => body.Replace("\uE000", string.Empty, StringComparison.Ordinal).Replace("\uE001", string.Empty, StringComparison.Ordinal);
}
