namespace SixStability.Workflow.Notifications;

/// <summary>
/// Sends group-robot messages within each robot's allowance, robots side by side and each robot's messages in
/// order. What does not fit now is queued with the time it may go, never waited for here: an activity must not
/// sleep for minutes, so the cycle's orchestration comes back on a durable timer (<c>DeliverQueuedActivity</c>).
/// A robot that answers "too fast" or is unreachable is left alone until later; one that refuses its key is
/// recorded for every message to it, and the other robots still go.
/// </summary>
public sealed partial class RobotDispatcher(IRobotMessenger messenger, IRobotPacer pacer, IRobotCatalog catalog, TimeProvider clock, ILogger<RobotDispatcher> logger)
{
    /// <summary>Tries of one message (each after the adapter's own quick retries) before it is recorded as failed.</summary>
    public const int MaxAttempts = 6;

    /// <summary>First wait after a robot could not be reached; doubles with each try (1, 2, 4, 8, 16 minutes).</summary>
    public static readonly TimeSpan FirstRetry = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<RobotDelivery>> DeliverAsync(IReadOnlyList<RobotAttempt> sends, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sends);
        RobotDelivery[][] perRobot = await Task.WhenAll(sends
            .GroupBy(s => s.Send.Channel.Name, StringComparer.Ordinal)
            .Select(g => DeliverToRobotAsync([.. g], cancellationToken))).ConfigureAwait(false);
        return [.. perRobot.SelectMany(r => r)];
    }

    private async Task<RobotDelivery[]> DeliverToRobotAsync(List<RobotAttempt> queue, CancellationToken cancellationToken)
    {
        ChannelAddress channel = queue[0].Send.Channel;
        var done = new List<RobotDelivery>(queue.Count);
        if (!catalog.IsConfigured(channel.Kind, channel.Robot))
        {
            string error = $"{channel.Kind.DisplayName()}机器人“{channel.Robot}”未配置（{channel.Kind.SettingFor(channel.Robot)}），未发送。";
            return [.. queue.Select(a => a.With(DeliveryStatus.Rejected, error, attempted: false))];
        }

        for (int i = 0; i < queue.Count; i++)
        {
            RobotAttempt attempt = queue[i];
            PaceGrant grant = await pacer.TryTakeAsync(channel.Kind, channel.Robot, cancellationToken).ConfigureAwait(false);
            if (!grant.Granted)
            {
                DateTimeOffset next = grant.NextFree ?? clock.GetUtcNow().AddSeconds(1);
                LogPaced(logger, channel.Name, queue.Count - i, next);
                done.AddRange(queue.Skip(i).Select(a => a.With(DeliveryStatus.Queued, null, attempted: false, next)));
                break;
            }

            RobotAnswer answer;
            try
            {
                answer = await messenger.SendAsync(channel.Kind, channel.Robot, attempt.Send.Message, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await pacer.ReleaseAsync(grant, cancellationToken).ConfigureAwait(false);
            }

            switch (answer.Outcome)
            {
                case RobotOutcome.Sent:
                    done.Add(attempt.With(DeliveryStatus.Sent, null));
                    continue;
                case RobotOutcome.MessageRefused:
                    done.Add(attempt.With(DeliveryStatus.Rejected, answer.Error));
                    continue;
                case RobotOutcome.RobotRefused:
                    LogRobotRefused(logger, channel.Name, answer.Error);
                    done.Add(attempt.With(DeliveryStatus.Rejected, answer.Error));
                    done.AddRange(queue.Skip(i + 1).Select(a => a.With(DeliveryStatus.Rejected, answer.Error, attempted: false)));
                    return [.. done];
                case RobotOutcome.RateLimited:
                    {
                        DateTimeOffset until = clock.GetUtcNow() + (answer.Cooldown ?? TimeSpan.FromMinutes(1));
                        await pacer.HoldAsync(channel.Kind, channel.Robot, until, cancellationToken).ConfigureAwait(false);
                        LogHeld(logger, channel.Name, until, answer.Error);
                        done.Add(Later(attempt, until, answer.Error));
                        done.AddRange(queue.Skip(i + 1).Select(a => a.With(DeliveryStatus.Queued, null, attempted: false, until)));
                        return [.. done];
                    }

                default:
                    {
                        DateTimeOffset until = clock.GetUtcNow() + (FirstRetry * Math.Pow(2, Math.Min(attempt.Attempts, 10)));
                        LogUnavailable(logger, channel.Name, until, answer.Error);
                        done.Add(Later(attempt, until, answer.Error));
                        done.AddRange(queue.Skip(i + 1).Select(a => a.With(DeliveryStatus.Queued, null, attempted: false, until)));
                        return [.. done];
                    }
            }
        }

        return [.. done];
    }

    /// <summary>Queued again for later, unless it has been tried enough: then failed, for the coordinator to see.</summary>
    private static RobotDelivery Later(RobotAttempt attempt, DateTimeOffset until, string? error) =>
        attempt.Attempts + 1 >= MaxAttempts
            ? attempt.With(DeliveryStatus.Failed, error)
            : attempt.With(DeliveryStatus.Queued, error, attempted: true, until);

    [LoggerMessage(Level = LogLevel.Information, Message = "Robot {Robot}: {Count} messages wait for its allowance until {NextFree}")]
    private static partial void LogPaced(ILogger logger, string robot, int count, DateTimeOffset nextFree);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Robot {Robot} refused: {Error}; its remaining messages are recorded as rejected")]
    private static partial void LogRobotRefused(ILogger logger, string robot, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Robot {Robot} is rate-limited until {Until}: {Error}")]
    private static partial void LogHeld(ILogger logger, string robot, DateTimeOffset until, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Robot {Robot} unavailable, trying again after {Until}: {Error}")]
    private static partial void LogUnavailable(ILogger logger, string robot, DateTimeOffset until, string? error);
}

/// <summary>A robot message to send, the step it belongs to, and how often it was tried already.</summary>
public sealed record RobotAttempt(string Step, RobotSend Send, int Attempts)
{
    public RobotDelivery With(DeliveryStatus status, string? error, bool attempted = true, DateTimeOffset? notBefore = null) =>
        new(Step, new Delivery(Send.Key, status, error, notBefore, attempted));
}

public sealed record RobotDelivery(string Step, Delivery Delivery);
