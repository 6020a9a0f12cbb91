using System.Text;
using SendGrid.Helpers.Mail;
using SixStability.Core.Notifications;

namespace SixStability.Infrastructure.Notifications;

/// <summary>
/// Turns a step's mail into SendGrid v3 requests: one message per up to 1,000 recipients, the shared
/// template as content, each recipient a personalization with its own subject substitutions, values
/// and custom_args {cycle, step, unit}. A recipient whose values exceed SendGrid's 10,000-byte
/// substitution limit gets a message of its own, fully rendered.
/// </summary>
public static class SendGridRequests
{
    private const int MaxSubstitutionBytes = 9_000;

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
                requests.Add((Rendered(batch, r, from), [r]));
            }
            else
            {
                shared.Add(r);
            }
        }

        foreach (MailRecipient[] chunk in shared.Chunk(batchSize))
        {
            var message = NewMessage(batch, from,
                MailTemplate.Rewrite(batch.Template.Subject, TextTag),
                MailTemplate.Rewrite(batch.Template.Html, HtmlTag),
                MailTemplate.Rewrite(batch.Template.Text, TextTag));
            message.Personalizations = chunk.Select(r => Personalization(batch, r, Substitutions(r))).ToList();
            requests.Add((message, chunk));
        }

        return requests;
    }

    private static SendGridMessage Rendered(MailBatch batch, MailRecipient r, EmailAddress from)
    {
        RenderedMail mail = batch.Template.Render(r.Values);
        SendGridMessage message = NewMessage(batch, from, mail.Subject, mail.Html, mail.Text);
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
        Tos = r.To.Select(c => new EmailAddress(c.Email, c.Name)).ToList(),
        Ccs = r.Cc is { Count: > 0 } cc ? cc.Select(c => new EmailAddress(c.Email, c.Name)).ToList() : null,
        Substitutions = substitutions,
        CustomArgs = new Dictionary<string, string>
        {
            ["cycle"] = batch.CycleId,
            ["step"] = batch.Step,
            ["unit"] = r.Unit ?? r.Key,
        },
    };

    private static Dictionary<string, string> Substitutions(MailRecipient r)
    {
        var substitutions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string name, MailValue value) in r.Values)
        {
            substitutions[TextTag(name)] = value.Text;
            substitutions[HtmlTag(name)] = value.Html;
        }

        return substitutions;
    }

    private static int SubstitutionBytes(MailRecipient r) =>
        r.Values.Sum(v => Encoding.UTF8.GetByteCount(v.Value.Text) + Encoding.UTF8.GetByteCount(v.Value.Html) + (2 * (v.Key.Length + 4)));

    // Tags that cannot occur in ordinary Chinese text: -{{name}}.t- becomes -name.t-.
    private static string TextTag(string name) => $"-{name}.t-";

    private static string HtmlTag(string name) => $"-{name}.h-";
}
