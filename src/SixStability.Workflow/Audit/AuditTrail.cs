namespace SixStability.Workflow.Audit;

/// <summary>
/// Where use cases record what a person or key did, after it succeeded: one appended row per action
/// (<see cref="IAuditLog"/> can only append). A refused action changed nothing and records nothing.
/// </summary>
public sealed partial class AuditTrail(IAuditLog log, TimeProvider clock, ILogger<AuditTrail> logger)
{
    public async Task RecordAsync(Actor actor, AuditAction action, AuditChange change)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(change);
        var entry = new AuditEntry(clock.GetUtcNow(), actor.Id, actor.Name, actor.RoleText, actor.Kind, action, change.CycleId, change.Subject, change.Before, change.After, Bounded(change.Detail), actor.ClientIp);
        try
        {
            // Not the request's token: the action has happened, so its row is written even if the caller left.
            await log.AppendAsync(entry, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The row itself goes to the log, so what happened can still be known.
            LogAppendFailed(logger, ex, action, actor.Id, actor.Name, change.CycleId, change.Subject, change.Before, change.After, actor.ClientIp);
            throw;
        }
    }

    private static string? Bounded(string? text) => text is { Length: > 2000 } ? text[..2000] + "…" : text;

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit row not written: {Action} by {ActorId} ({ActorName}) on cycle {CycleId} subject {Subject}, before {Before}, after {After}, from {ClientIp}")]
    private static partial void LogAppendFailed(ILogger logger, Exception exception, AuditAction action, string actorId, string actorName, string? cycleId, string subject, string? before, string? after, string? clientIp);
}
