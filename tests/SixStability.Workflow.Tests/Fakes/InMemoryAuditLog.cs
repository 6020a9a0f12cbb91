using SixStability.Workflow.Audit;
using SixStability.Workflow.Ports;

namespace SixStability.Workflow.Tests.Fakes;

/// <summary>The audit trail in memory: appended rows, newest first when listed.</summary>
internal sealed class InMemoryAuditLog : IAuditLog
{
    private readonly Lock gate = new();
    private readonly List<AuditEntry> rows = [];

    public IReadOnlyList<AuditEntry> Rows
    {
        get
        {
            lock (gate)
            {
                return [.. rows];
            }
        }
    }

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            rows.Add(entry);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> ListAsync(AuditFilter filter, int limit, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<AuditEntry>>([.. Enumerable.Reverse(rows).Where(filter.Matches).Take(limit)]);
        }
    }
}
