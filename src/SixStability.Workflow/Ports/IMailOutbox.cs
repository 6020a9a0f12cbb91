namespace SixStability.Workflow.Ports;

/// <summary>
/// What was sent for (cycle, step, recipient, channel) — mail and group robots alike. Written before sending and
/// marked after, so a retried step skips what was already sent on any channel. A robot message that must wait
/// for its robot's allowance stays here, queued with its text, until a later pass sends it.
/// </summary>
public interface IMailOutbox
{
    /// <summary>The step's rows by delivery key: the recipient key for mail, <see cref="RobotSend.Key"/> for robots.</summary>
    Task<IReadOnlyDictionary<string, OutboxEntry>> GetAsync(string cycleId, string stepId, CancellationToken cancellationToken);

    Task RecordPendingAsync(MailBatch batch, IReadOnlyList<MailRecipient> recipients, CancellationToken cancellationToken);

    /// <summary>Robot messages about to be sent, with their text (a queued one is sent later from here).</summary>
    Task RecordPendingAsync(string cycleId, string stepId, MailKind kind, IReadOnlyList<RobotSend> sends, CancellationToken cancellationToken);

    Task RecordAsync(string cycleId, string stepId, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken);

    /// <summary>
    /// How many of the cycle's messages were recorded before sending and never marked after (a send interrupted).
    /// Robot messages still queued are not counted: once the cycle is closed nothing sends them any more.
    /// </summary>
    Task<int> PendingCountAsync(string cycleId, CancellationToken cancellationToken);

    /// <summary>Every robot message of the cycle still queued, oldest step first.</summary>
    Task<IReadOnlyList<QueuedRobotSend>> QueuedAsync(string cycleId, CancellationToken cancellationToken);

    /// <summary>Every message of the cycle that failed, was rejected or still waits, on any channel, for the coordinator.</summary>
    Task<IReadOnlyList<OutboxEntry>> ProblemsAsync(string cycleId, CancellationToken cancellationToken);
}

/// <param name="RecipientKey">The delivery key: the recipient for mail, <see cref="RobotSend.Key"/> for a robot message.</param>
/// <param name="Channel">Null for mail; the robot's kind otherwise.</param>
/// <param name="NotBefore">When a queued robot message may go.</param>
/// <param name="Reader">Whose robot message it is (a unit id, leader-…, supervision, coordinator); the recipient for mail.</param>
public sealed record OutboxEntry(
    string Step,
    string RecipientKey,
    MailKind Kind,
    OutboxStatus Status,
    string To,
    int Attempts,
    string? Error,
    DateTimeOffset? SentAt,
    ChannelKind? Channel = null,
    string? Robot = null,
    DateTimeOffset? NotBefore = null,
    string? Reader = null);

public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
    Rejected,

    /// <summary>A robot message waiting for its robot's allowance or cool-down.</summary>
    Queued,
}

/// <summary>One recipient's message for one group robot.</summary>
/// <param name="Key">The outbox key within the step: the recipient key and the channel (<c>rsj|wecom:rsj_group</c>).</param>
public sealed record RobotSend(string Key, string RecipientKey, ChannelAddress Channel, RobotMessage Message)
{
    public static RobotSend For(MailRecipient recipient, RobotNote note)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(note);
        return new RobotSend($"{recipient.Key}|{note.Channel.Name}", recipient.Key, note.Channel, note.Message);
    }
}

/// <summary>A robot message waiting in the outbox: its step, how often it was tried, and when it may go.</summary>
public sealed record QueuedRobotSend(string Step, MailKind Kind, RobotSend Send, int Attempts, DateTimeOffset NotBefore);
