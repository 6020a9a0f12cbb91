namespace SixStability.Workflow.Ports;

/// <summary>Sends a step's mail; SendGrid, SMTP or the development file sink (<c>Mail:Provider</c>).</summary>
public interface IMailer
{
    /// <summary>Sends <paramref name="batch"/> to the given recipients (a subset of its own) and reports each one.</summary>
    Task<IReadOnlyList<Delivery>> SendAsync(MailBatch batch, IReadOnlyList<MailRecipient> recipients, CancellationToken cancellationToken);
}

/// <param name="RecipientKey">The outbox key: the recipient for mail, <see cref="RobotSend.Key"/> for a robot message.</param>
/// <param name="Error">Why it failed, for the coordinator; null when sent.</param>
/// <param name="NotBefore">When a queued robot message may go.</param>
/// <param name="Attempted">False when nothing was sent to count as a try (a robot message queued for its allowance).</param>
public sealed record Delivery(string RecipientKey, DeliveryStatus Status, string? Error = null, DateTimeOffset? NotBefore = null, bool Attempted = true);

public enum DeliveryStatus
{
    Sent,

    /// <summary>Could not be sent now (5xx, timeouts after retries); a later run of the step tries again.</summary>
    Failed,

    /// <summary>Refused for good (bad address, bad key: 4xx); not tried again until someone fixes it.</summary>
    Rejected,

    /// <summary>A robot message that waits for its robot's allowance or cool-down; a later pass sends it.</summary>
    Queued,
}
