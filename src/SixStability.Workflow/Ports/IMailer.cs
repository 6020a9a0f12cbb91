using SixStability.Core.Notifications;

namespace SixStability.Workflow.Ports;

/// <summary>Sends a step's mail; SendGrid, SMTP or the development file sink (<c>Mail:Provider</c>).</summary>
public interface IMailer
{
    /// <summary>Sends <paramref name="batch"/> to the given recipients (a subset of its own) and reports each one.</summary>
    Task<IReadOnlyList<Delivery>> SendAsync(MailBatch batch, IReadOnlyList<MailRecipient> recipients, CancellationToken cancellationToken);
}

/// <param name="Error">Why it failed, for the coordinator; null when sent.</param>
public sealed record Delivery(string RecipientKey, DeliveryStatus Status, string? Error = null);

public enum DeliveryStatus
{
    Sent,

    /// <summary>Could not be sent now (5xx, timeouts after retries); a later run of the step tries again.</summary>
    Failed,

    /// <summary>Refused for good (bad address, bad key: 4xx); not tried again until someone fixes it.</summary>
    Rejected,
}
