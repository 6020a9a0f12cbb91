using SixStability.Core.Notifications;

namespace SixStability.Workflow.Ports;

/// <summary>
/// What was sent for (cycle, step, recipient). Written before sending and marked after, so a retried
/// step skips what was already sent.
/// </summary>
public interface IMailOutbox
{
    Task<IReadOnlyDictionary<string, OutboxEntry>> GetAsync(string cycleId, string stepId, CancellationToken cancellationToken);

    Task RecordPendingAsync(MailBatch batch, IReadOnlyList<MailRecipient> recipients, CancellationToken cancellationToken);

    Task RecordAsync(string cycleId, string stepId, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken);

    /// <summary>How many of the cycle's mails were recorded before sending and never marked after (a send interrupted).</summary>
    Task<int> PendingCountAsync(string cycleId, CancellationToken cancellationToken);

    /// <summary>Every mail of the cycle that failed or was rejected, for the coordinator.</summary>
    Task<IReadOnlyList<OutboxEntry>> ProblemsAsync(string cycleId, CancellationToken cancellationToken);
}

public sealed record OutboxEntry(string Step, string RecipientKey, MailKind Kind, OutboxStatus Status, string To, int Attempts, string? Error, DateTimeOffset? SentAt);

public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
    Rejected,
}
