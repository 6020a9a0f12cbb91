using SixStability.Core.Units;

namespace SixStability.Core.Notifications;

/// <summary>
/// One step's mail to many recipients, each message already written for its reader. Sends are
/// idempotent per (cycle, step, recipient key).
/// </summary>
public sealed record MailBatch(
    string CycleId,
    string Step,
    MailKind Kind,
    IReadOnlyList<MailRecipient> Recipients,
    IReadOnlyList<MailAttachment>? Attachments = null);

/// <param name="Key">Who this is for within the step (a unit id, a leader id, "coordinator" …).</param>
/// <param name="Unit">The unit the mail is about, for delivery matching; null for leaders and offices.</param>
public sealed record MailRecipient(
    string Key,
    IReadOnlyList<Contact> To,
    RenderedMail Mail,
    string? Unit = null,
    IReadOnlyList<Contact>? Cc = null);

public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>A message as its reader gets it: subject, HTML part and plain-text part.</summary>
public sealed record RenderedMail(string Subject, string Html, string Text);
