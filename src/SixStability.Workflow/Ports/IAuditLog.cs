namespace SixStability.Workflow.Ports;

/// <summary>
/// The audit trail's store: append and read, nothing else. There is no update and no delete, so no code
/// path of the app can change or remove what was recorded.
/// </summary>
public interface IAuditLog
{
    /// <summary>Adds a row; never overwrites one.</summary>
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Matching rows, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(AuditFilter filter, int limit, CancellationToken cancellationToken);
}
