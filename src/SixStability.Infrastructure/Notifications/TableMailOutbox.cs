using Azure;
using Azure.Data.Tables;
using SixStability.Core.Notifications;
using SixStability.Infrastructure.Storage;
using SixStability.Workflow.Ports;

namespace SixStability.Infrastructure.Notifications;

/// <summary>
/// Table <c>outbox</c>: one row per (cycle, step, recipient), partitioned by cycle so a step's rows
/// are one range query and change together in transactions of 100.
/// </summary>
public sealed class TableMailOutbox(TableClients tables, TimeProvider clock) : IMailOutbox
{
    public async Task<IReadOnlyDictionary<string, OutboxEntry>> GetAsync(string cycleId, string stepId, CancellationToken cancellationToken)
    {
        TableClient table = await tables.GetAsync("outbox").ConfigureAwait(false);
        string prefix = TableKeys.Encode(stepId) + "|";
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(cycleId)} and RowKey ge {prefix} and RowKey lt {TableKeys.Encode(stepId) + "}"}");
        var entries = new Dictionary<string, OutboxEntry>(StringComparer.Ordinal);
        await foreach (TableEntity e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            OutboxEntry entry = ToEntry(e);
            entries[entry.RecipientKey] = entry;
        }

        return entries;
    }

    public async Task RecordPendingAsync(MailBatch batch, IReadOnlyList<MailRecipient> recipients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        TableClient table = await tables.GetAsync("outbox").ConfigureAwait(false);
        await SubmitAsync(table, recipients.Select(r => new TableEntity(TableKeys.Encode(batch.CycleId), RowKey(batch.Step, r.Key))
        {
            ["Step"] = batch.Step,
            ["Recipient"] = r.Key,
            ["Kind"] = batch.Kind.ToString(),
            ["To"] = string.Join("; ", r.To.Select(c => $"{c.Name} <{c.Email}>")),
            ["Status"] = nameof(OutboxStatus.Pending),
        }), cancellationToken).ConfigureAwait(false);
    }

    public async Task RecordAsync(string cycleId, string stepId, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        TableClient table = await tables.GetAsync("outbox").ConfigureAwait(false);
        IReadOnlyDictionary<string, OutboxEntry> before = await GetAsync(cycleId, stepId, cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = clock.GetUtcNow();
        await SubmitAsync(table, deliveries.Select(d => new TableEntity(TableKeys.Encode(cycleId), RowKey(stepId, d.RecipientKey))
        {
            ["Status"] = d.Status.ToString(),
            ["Error"] = d.Error,
            ["Attempts"] = (before.TryGetValue(d.RecipientKey, out OutboxEntry? e) ? e.Attempts : 0) + 1,
            ["SentAt"] = d.Status == DeliveryStatus.Sent ? now : null,
        }), cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> PendingCountAsync(string cycleId, CancellationToken cancellationToken)
    {
        TableClient table = await tables.GetAsync("outbox").ConfigureAwait(false);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(cycleId)} and Status eq {nameof(OutboxStatus.Pending)}");
        int pending = 0;
        await foreach (TableEntity _ in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            pending++;
        }

        return pending;
    }

    public async Task<IReadOnlyList<OutboxEntry>> ProblemsAsync(string cycleId, CancellationToken cancellationToken)
    {
        TableClient table = await tables.GetAsync("outbox").ConfigureAwait(false);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(cycleId)} and (Status eq {nameof(OutboxStatus.Failed)} or Status eq {nameof(OutboxStatus.Rejected)})");
        var problems = new List<OutboxEntry>();
        await foreach (TableEntity e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            problems.Add(ToEntry(e));
        }

        return problems;
    }

    private static string RowKey(string step, string recipient) => $"{TableKeys.Encode(step)}|{TableKeys.Encode(recipient)}";

    private static OutboxEntry ToEntry(TableEntity e) => new(
        e.GetString("Step"),
        e.GetString("Recipient"),
        Enum.Parse<MailKind>(e.GetString("Kind")),
        Enum.Parse<OutboxStatus>(e.GetString("Status")),
        e.GetString("To"),
        e.GetInt32("Attempts") ?? 0,
        e.GetString("Error"),
        e.GetDateTimeOffset("SentAt"));

    private static async Task SubmitAsync(TableClient table, IEnumerable<TableEntity> entities, CancellationToken cancellationToken)
    {
        foreach (TableEntity[] chunk in entities.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertMerge, e, ETag.All)), cancellationToken).ConfigureAwait(false);
        }
    }
}
