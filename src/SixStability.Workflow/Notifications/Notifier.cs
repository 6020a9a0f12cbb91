namespace SixStability.Workflow.Notifications;

/// <summary>
/// The one way a step's notices leave, on every channel, exactly once in effect: deliveries the outbox marks sent
/// (or rejected for good, or queued for a later pass) are skipped; the rest are recorded as pending before they
/// go and marked after. Mail goes through the <see cref="IMailer"/>; group-robot messages through the
/// <see cref="RobotDispatcher"/>, within each robot's allowance.
/// </summary>
public sealed partial class Notifier(IMailer mailer, IMailOutbox outbox, RobotDispatcher robots, TimeProvider clock, ILogger<Notifier> logger)
{
    public async Task<NotifyResult> SendAsync(MailBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        IReadOnlyDictionary<string, OutboxEntry> known = await outbox.GetAsync(batch.CycleId, batch.Step, cancellationToken).ConfigureAwait(false);
        var mail = batch.Recipients.Where(r => Due(known, r.Key)).ToList();
        List<RobotSend> all = [.. batch.Recipients.SelectMany(r => (r.Robots ?? []).Select(n => RobotSend.For(r, n)))];
        var robotSends = all.Where(s => Due(known, s.Key)).ToList();
        int skipped = batch.Recipients.Count - mail.Count + all.Count - robotSends.Count;
        if (mail.Count == 0 && robotSends.Count == 0)
        {
            LogNothingToSend(logger, batch.CycleId, batch.Step, skipped);
            return new NotifyResult(0, skipped, 0, 0);
        }

        var deliveries = new List<Delivery>();
        if (mail.Count > 0)
        {
            await outbox.RecordPendingAsync(batch, mail, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<Delivery> sent = await mailer.SendAsync(batch, mail, cancellationToken).ConfigureAwait(false);
            await outbox.RecordAsync(batch.CycleId, batch.Step, sent, cancellationToken).ConfigureAwait(false);
            deliveries.AddRange(sent);
        }

        if (robotSends.Count > 0)
        {
            await outbox.RecordPendingAsync(batch.CycleId, batch.Step, batch.Kind, robotSends, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<RobotDelivery> sent = await robots.DeliverAsync(
                [.. robotSends.Select(s => new RobotAttempt(batch.Step, s, known.TryGetValue(s.Key, out OutboxEntry? e) ? e.Attempts : 0))],
                cancellationToken).ConfigureAwait(false);
            await outbox.RecordAsync(batch.CycleId, batch.Step, [.. sent.Select(d => d.Delivery)], cancellationToken).ConfigureAwait(false);
            deliveries.AddRange(sent.Select(d => d.Delivery));
        }

        NotifyResult result = NotifyResult.Of(deliveries, skipped);
        LogSent(logger, batch.CycleId, batch.Step, result.Sent, result.Skipped, result.Failed, result.Rejected, result.Queued);
        return result;
    }

    /// <summary>
    /// Sends the cycle's queued robot messages whose time has come, within each robot's allowance, and says when
    /// the next may go. A cycle that is no longer open sends nothing more: its queue is recorded as not sent.
    /// </summary>
    public async Task<RobotBacklog> DeliverQueuedAsync(string cycleId, bool cycleOpen, CancellationToken cancellationToken)
    {
        IReadOnlyList<QueuedRobotSend> queued = await outbox.QueuedAsync(cycleId, cancellationToken).ConfigureAwait(false);
        if (queued.Count == 0)
        {
            return RobotBacklog.Empty;
        }

        if (!cycleOpen)
        {
            foreach (IGrouping<string, QueuedRobotSend> step in queued.GroupBy(q => q.Step, StringComparer.Ordinal))
            {
                await outbox.RecordAsync(cycleId, step.Key, [.. step.Select(q => new Delivery(q.Send.Key, DeliveryStatus.Rejected, "周期已结束，排队的群机器人消息不再发送。", Attempted: false))], cancellationToken).ConfigureAwait(false);
            }

            return RobotBacklog.Empty;
        }

        DateTimeOffset now = clock.GetUtcNow();
        var due = queued.Where(q => q.NotBefore <= now).ToList();
        IReadOnlyList<RobotDelivery> deliveries = await robots.DeliverAsync([.. due.Select(q => new RobotAttempt(q.Step, q.Send, q.Attempts))], cancellationToken).ConfigureAwait(false);
        foreach (IGrouping<string, RobotDelivery> step in deliveries.GroupBy(d => d.Step, StringComparer.Ordinal))
        {
            await outbox.RecordAsync(cycleId, step.Key, [.. step.Select(d => d.Delivery)], cancellationToken).ConfigureAwait(false);
        }

        DateTimeOffset[] waiting = [.. queued.Where(q => q.NotBefore > now).Select(q => q.NotBefore),
            .. deliveries.Where(d => d.Delivery.Status == DeliveryStatus.Queued).Select(d => d.Delivery.NotBefore ?? now)];
        var backlog = new RobotBacklog(deliveries.Count(d => d.Delivery.Status == DeliveryStatus.Sent), waiting.Length, waiting.Length > 0 ? waiting.Min() : null);
        LogBacklog(logger, cycleId, backlog.Sent, backlog.Waiting, backlog.NextAt);
        return backlog;
    }

    /// <summary>Not yet handled: never recorded, still pending (a send cut short) or failed (a rerun tries again).</summary>
    private static bool Due(IReadOnlyDictionary<string, OutboxEntry> known, string key) =>
        !known.TryGetValue(key, out OutboxEntry? e) || e.Status is OutboxStatus.Pending or OutboxStatus.Failed;

    [LoggerMessage(Level = LogLevel.Information, Message = "Cycle {CycleId} step {Step}: all {Skipped} deliveries already handled")]
    private static partial void LogNothingToSend(ILogger logger, string cycleId, string step, int skipped);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cycle {CycleId} step {Step}: {Sent} sent, {Skipped} already handled, {Failed} failed, {Rejected} rejected, {Queued} queued")]
    private static partial void LogSent(ILogger logger, string cycleId, string step, int sent, int skipped, int failed, int rejected, int queued);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cycle {CycleId} robot queue: {Sent} sent, {Waiting} waiting, next at {NextAt}")]
    private static partial void LogBacklog(ILogger logger, string cycleId, int sent, int waiting, DateTimeOffset? nextAt);
}

/// <summary>What one send did, over every channel.</summary>
/// <param name="Queued">Robot messages left waiting for their robot's allowance; <paramref name="RetryAt"/> is when the first may go.</param>
public sealed record NotifyResult(int Sent, int Skipped, int Failed, int Rejected, int Queued = 0, DateTimeOffset? RetryAt = null)
{
    public static NotifyResult Of(IReadOnlyCollection<Delivery> deliveries, int skipped)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        var queued = deliveries.Where(d => d.Status == DeliveryStatus.Queued).ToList();
        return new NotifyResult(
            deliveries.Count(d => d.Status == DeliveryStatus.Sent),
            skipped,
            deliveries.Count(d => d.Status == DeliveryStatus.Failed),
            deliveries.Count(d => d.Status == DeliveryStatus.Rejected),
            queued.Count,
            queued.Count > 0 ? queued.Min(d => d.NotBefore) : null);
    }
}

/// <summary>The cycle's robot queue after a pass: how many went, how many wait, and when the next may go (null: none waits).</summary>
public sealed record RobotBacklog(int Sent, int Waiting, DateTimeOffset? NextAt)
{
    public static RobotBacklog Empty { get; } = new(0, 0, null);
}
