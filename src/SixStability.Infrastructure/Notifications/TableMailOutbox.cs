using Azure;

namespace SixStability.Infrastructure.Notifications;

/// <summary>
/// Table <c>outbox</c>: one row per (cycle, step, recipient, channel), partitioned by cycle so a step's rows
/// are one range query and change together in transactions. Mail rows are keyed by the recipient;
/// robot rows by the recipient and the robot (<see cref="RobotSend.Key"/>) and keep the message's text, so a
/// message queued for its robot's allowance is sent later from here. A delivery that failed, was rejected or
/// waits is also listed under '~p|' in the same partition, written in the same transaction as its row and
/// switched off when it goes, so the board reads the cycle's problems by key instead of filtering every row.
/// </summary>
public sealed class TableMailOutbox(TableClients tables, TimeProvider clock) : IMailOutbox
{
    // The problem list: '~p|' + the delivery's own row key; sorts after every step's rows.
    private const string ProblemRows = "~p|";
    private const string ActiveProperty = "Active";
    private const string ListedProperty = "Listed";

    public async Task<IReadOnlyDictionary<string, OutboxEntry>> GetAsync(string cycleId, string stepId, CancellationToken cancellationToken)
    {
        TableClient table = await tables.GetAsync("outbox").ConfigureAwait(false);
        return (await RowsAsync(table, cycleId, stepId, cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.Key, p => ToEntry(p.Value), StringComparer.Ordinal);
    }

    private static async Task<IReadOnlyDictionary<string, TableEntity>> RowsAsync(TableClient table, string cycleId, string stepId, CancellationToken cancellationToken)
    {
        string prefix = TableKeys.Encode(stepId) + "|";
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(cycleId)} and RowKey ge {prefix} and RowKey lt {TableKeys.Encode(stepId) + "}"}");
        var rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (TableEntity e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows[e.GetString("Recipient")] = e;
        }

        return rows;
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

    public async Task RecordPendingAsync(string cycleId, string stepId, MailKind kind, IReadOnlyList<RobotSend> sends, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sends);
        TableClient table = await tables.GetAsync("outbox").ConfigureAwait(false);
        await SubmitAsync(table, sends.Select(s => new TableEntity(TableKeys.Encode(cycleId), RowKey(stepId, s.Key))
        {
            ["Step"] = stepId,
            ["Recipient"] = s.Key,
            ["Reader"] = s.RecipientKey,
            ["Kind"] = kind.ToString(),
            ["Channel"] = s.Channel.Kind.Key(),
            ["Robot"] = s.Channel.Robot,
            ["To"] = $"{s.Channel.Kind.DisplayName()}群机器人 {s.Channel.Robot}",
            ["Status"] = nameof(OutboxStatus.Pending),
            ["Title"] = s.Message.Title,
            ["Markdown"] = s.Message.Markdown,
            ["Text"] = s.Message.Text,
            ["Mobiles"] = string.Join(",", s.Message.Mobiles),
            ["ChannelMobiles"] = string.Join(",", s.Channel.Mobiles ?? []),
        }), cancellationToken).ConfigureAwait(false);
    }

    public async Task RecordAsync(string cycleId, string stepId, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        TableClient table = await tables.GetAsync("outbox").ConfigureAwait(false);
        string partition = TableKeys.Encode(cycleId);
        IReadOnlyDictionary<string, TableEntity> before = await RowsAsync(table, cycleId, stepId, cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = clock.GetUtcNow();
        var rows = new List<TableEntity[]>();
        foreach (Delivery d in deliveries)
        {
            TableEntity? was = before.GetValueOrDefault(d.RecipientKey);
            var row = new TableEntity(partition, RowKey(stepId, d.RecipientKey))
            {
                ["Status"] = d.Status.ToString(),
                ["Error"] = d.Error,
                ["Attempts"] = (was?.GetInt32("Attempts") ?? 0) + (d.Attempted ? 1 : 0),
                ["SentAt"] = d.Status == DeliveryStatus.Sent ? now : null,
                ["NotBefore"] = d.NotBefore,
            };
            bool problem = d.Status is DeliveryStatus.Failed or DeliveryStatus.Rejected or DeliveryStatus.Queued;
            if (was is not null && (problem || was.GetBoolean(ListedProperty) == true))
            {
                // Listed among the cycle's problems while it is one; switched off (not deleted: a transaction cannot delete what may not exist) once it went.
                row[ListedProperty] = true;
                var listed = new TableEntity(partition, ProblemRows + row.RowKey) { [ActiveProperty] = problem };
                foreach (string copied in (string[])["Step", "Recipient", "Reader", "Kind", "To", "Channel", "Robot"])
                {
                    listed[copied] = was.TryGetValue(copied, out object? value) ? value : null;
                }

                foreach ((string key, object? value) in row)
                {
                    if (key is not ("PartitionKey" or "RowKey" or "odata.etag"))
                    {
                        listed[key] = value;
                    }
                }

                rows.Add([row, listed]);
                continue;
            }

            rows.Add([row]);
        }

        await SubmitAsync(table, rows, cancellationToken).ConfigureAwait(false);
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

    public async Task<IReadOnlyList<QueuedRobotSend>> QueuedAsync(string cycleId, CancellationToken cancellationToken)
    {
        TableClient table = await tables.GetAsync("outbox").ConfigureAwait(false);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(cycleId)} and RowKey lt {ProblemRows} and Status eq {nameof(OutboxStatus.Queued)}");
        var queued = new List<QueuedRobotSend>();
        await foreach (TableEntity e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            string[] mobiles = Split(e.GetString("Mobiles"));
            var channel = new ChannelAddress(ChannelKindOf(e.GetString("Channel"))!.Value, e.GetString("Robot"), Split(e.GetString("ChannelMobiles")) is { Length: > 0 } m ? m : null);
            var message = new RobotMessage(e.GetString("Title") ?? string.Empty, e.GetString("Markdown") ?? string.Empty, e.GetString("Text") ?? string.Empty, mobiles);
            queued.Add(new QueuedRobotSend(
                e.GetString("Step"),
                Enum.Parse<MailKind>(e.GetString("Kind")),
                new RobotSend(e.GetString("Recipient"), e.GetString("Reader") ?? string.Empty, channel, message),
                e.GetInt32("Attempts") ?? 0,
                e.GetDateTimeOffset("NotBefore") ?? DateTimeOffset.MinValue));
        }

        return queued;
    }

    public async Task<IReadOnlyList<OutboxEntry>> ProblemsAsync(string cycleId, CancellationToken cancellationToken)
    {
        TableClient table = await tables.GetAsync("outbox").ConfigureAwait(false);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(cycleId)} and RowKey gt {ProblemRows} and RowKey lt {"~p}"} and Active eq {true}"); // a property name, not a value: CreateQueryFilter would quote it
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
        e.GetDateTimeOffset("SentAt"),
        ChannelKindOf(e.GetString("Channel")),
        e.GetString("Robot"),
        e.GetDateTimeOffset("NotBefore"),
        e.GetString("Reader") ?? e.GetString("Recipient"));

    private static ChannelKind? ChannelKindOf(string? key) => key switch
    {
        "wecom" => ChannelKind.WeCom,
        "dingtalk" => ChannelKind.DingTalk,
        _ => null,
    };

    private static string[] Split(string? joined) => string.IsNullOrEmpty(joined) ? [] : joined.Split(',');

    private static Task SubmitAsync(TableClient table, IEnumerable<TableEntity> entities, CancellationToken cancellationToken) =>
        SubmitAsync(table, entities.Select(e => new[] { e }), cancellationToken);

    /// <summary>Upserts in transactions of up to 100, never splitting a group (a delivery's row and its problem listing change together).</summary>
    private static async Task SubmitAsync(TableClient table, IEnumerable<TableEntity[]> groups, CancellationToken cancellationToken)
    {
        var chunk = new List<TableTransactionAction>(100);
        foreach (TableEntity[] group in groups)
        {
            if (chunk.Count + group.Length > 100)
            {
                await table.SubmitTransactionAsync(chunk, cancellationToken).ConfigureAwait(false);
                chunk = new List<TableTransactionAction>(100);
            }

            chunk.AddRange(group.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertMerge, e, ETag.All)));
        }

        if (chunk.Count > 0)
        {
            await table.SubmitTransactionAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
    }
}
