using SixStability.Workflow.Access;
using SixStability.Workflow.Audit;

namespace SixStability.Infrastructure.Audit;

/// <summary>
/// Table <c>audit</c>, append-only: rows are only ever added (<see cref="TableClient.AddEntityAsync{T}"/>,
/// which fails rather than overwrite); this class has no update and no delete. The partition is the year
/// counted down (9999 − year) and the row key the time counted down, so the table's own order is newest first.
/// </summary>
public sealed class TableAuditLog(TableClients tables) : IAuditLog
{
    private const string Table = "audit";

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        TableClient table = await tables.GetAsync(Table).ConfigureAwait(false);
        DateTimeOffset china = entry.At.ToOffset(TimeSpan.FromHours(8));
        var row = new TableEntity(
            (9999 - china.Year).ToString("D4", CultureInfo.InvariantCulture),
            $"{(DateTimeOffset.MaxValue.UtcTicks - entry.At.UtcTicks).ToString("D19", CultureInfo.InvariantCulture)}|{Guid.NewGuid():N}")
        {
            ["At"] = entry.At,
            ["ActorId"] = entry.ActorId,
            ["ActorName"] = entry.ActorName,
            ["Roles"] = entry.Roles,
            ["ActorKind"] = entry.ActorKind.ToString(),
            ["Action"] = entry.Action.ToString(),
            ["CycleId"] = entry.CycleId,
            ["Subject"] = entry.Subject,
            ["Before"] = entry.Before,
            ["After"] = entry.After,
            ["Detail"] = entry.Detail,
            ["ClientIp"] = entry.ClientIp,
        };
        await table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(AuditFilter filter, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        TableClient table = await tables.GetAsync(Table).ConfigureAwait(false);
        var conditions = new List<string>();
        if (filter.CycleId is not null)
        {
            conditions.Add(TableClient.CreateQueryFilter($"CycleId eq {filter.CycleId}"));
        }

        if (filter.Action is { } action)
        {
            conditions.Add(TableClient.CreateQueryFilter($"Action eq {action.ToString()}"));
        }

        var found = new List<AuditEntry>();
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(conditions.Count == 0 ? null : string.Join(" and ", conditions), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            AuditEntry entry = ToEntry(row);
            if (filter.Matches(entry))
            {
                found.Add(entry);
                if (found.Count >= limit)
                {
                    break;
                }
            }
        }

        return found;
    }

    private static AuditEntry ToEntry(TableEntity row) => new(
        row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
        row.GetString("ActorId") ?? string.Empty,
        row.GetString("ActorName") ?? string.Empty,
        row.GetString("Roles") ?? string.Empty,
        Enum.TryParse(row.GetString("ActorKind"), out ActorKind kind) ? kind : ActorKind.Person,
        Enum.TryParse(row.GetString("Action"), out AuditAction action) ? action : AuditAction.ImportPlan,
        row.GetString("CycleId"),
        row.GetString("Subject") ?? string.Empty,
        row.GetString("Before"),
        row.GetString("After"),
        row.GetString("Detail"),
        row.GetString("ClientIp"));
}
