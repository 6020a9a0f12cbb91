namespace SixStability.Core.Notifications;

/// <summary>
/// One step's notices to many recipients, each already written for its reader: a mail, and for readers who
/// named group robots in the directory one message per robot. Sends are idempotent per (cycle, step, recipient
/// key, channel).
/// </summary>
public sealed record MailBatch(
    string CycleId,
    string Step,
    MailKind Kind,
    IReadOnlyList<MailRecipient> Recipients,
    IReadOnlyList<MailAttachment>? Attachments = null);

/// <param name="Key">Who this is for within the step (a unit id, a leader id, "coordinator" …).</param>
/// <param name="Unit">The unit the mail is about, for delivery matching; null for leaders and offices.</param>
/// <param name="Robots">The same notice for each group robot the reader named (reminders and escalations only).</param>
public sealed record MailRecipient(
    string Key,
    IReadOnlyList<Contact> To,
    RenderedMail Mail,
    string? Unit = null,
    IReadOnlyList<Contact>? Cc = null,
    IReadOnlyList<RobotNote>? Robots = null);

/// <summary>A recipient's notice for one group robot.</summary>
public sealed record RobotNote(ChannelAddress Channel, RobotMessage Message);

public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>A message as its reader gets it: subject, HTML part and plain-text part.</summary>
public sealed record RenderedMail(string Subject, string Html, string Text);
