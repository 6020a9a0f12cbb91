using Microsoft.Extensions.Logging;
using SixStability.Core.Notifications;
using SixStability.Workflow.Ports;

namespace SixStability.Workflow.Notifications;

/// <summary>
/// Sends a step's mail exactly once in effect: recipients the outbox marks sent (or rejected for good)
/// are skipped, the rest are recorded as pending before the mailer is called and marked after.
/// </summary>
public sealed partial class Notifier(IMailer mailer, IMailOutbox outbox, ILogger<Notifier> logger)
{
    public async Task<NotifyResult> SendAsync(MailBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        IReadOnlyDictionary<string, OutboxEntry> known = await outbox.GetAsync(batch.CycleId, batch.Step, cancellationToken).ConfigureAwait(false);
        var due = batch.Recipients
            .Where(r => !known.TryGetValue(r.Key, out OutboxEntry? e) || e.Status is OutboxStatus.Pending or OutboxStatus.Failed)
            .ToList();
        int skipped = batch.Recipients.Count - due.Count;
        if (due.Count == 0)
        {
            LogNothingToSend(logger, batch.CycleId, batch.Step, skipped);
            return new NotifyResult(0, skipped, 0, 0);
        }

        await outbox.RecordPendingAsync(batch, due, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<Delivery> deliveries = await mailer.SendAsync(batch, due, cancellationToken).ConfigureAwait(false);
        await outbox.RecordAsync(batch.CycleId, batch.Step, deliveries, cancellationToken).ConfigureAwait(false);

        var result = new NotifyResult(
            deliveries.Count(d => d.Status == DeliveryStatus.Sent),
            skipped,
            deliveries.Count(d => d.Status == DeliveryStatus.Failed),
            deliveries.Count(d => d.Status == DeliveryStatus.Rejected));
        LogSent(logger, batch.CycleId, batch.Step, result.Sent, result.Skipped, result.Failed, result.Rejected);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cycle {CycleId} step {Step}: all {Skipped} recipients already handled")]
    private static partial void LogNothingToSend(ILogger logger, string cycleId, string step, int skipped);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cycle {CycleId} step {Step}: {Sent} sent, {Skipped} already sent, {Failed} failed, {Rejected} rejected")]
    private static partial void LogSent(ILogger logger, string cycleId, string step, int sent, int skipped, int failed, int rejected);
}

public sealed record NotifyResult(int Sent, int Skipped, int Failed, int Rejected);
