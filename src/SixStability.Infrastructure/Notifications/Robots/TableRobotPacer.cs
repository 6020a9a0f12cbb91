using Azure;

namespace SixStability.Infrastructure.Notifications.Robots;

/// <summary>
/// Table <c>robotpace</c>: one partition per robot holding its allowance's slots (<see cref="RobotPace"/>) and a
/// hold row after a "too fast" answer. A slot is taken with its ETag, so two activities, instances or cycles
/// racing for the same robot never both get it: the loser reads again.
/// </summary>
public sealed class TableRobotPacer(TableClients tables, IOptions<ChannelOptions> options, TimeProvider clock) : IRobotPacer
{
    private const string Table = "robotpace";
    private const string HoldRow = "hold";
    private const int MaxRaces = 8;

    public async Task<PaceGrant> TryTakeAsync(ChannelKind kind, string robot, CancellationToken cancellationToken)
    {
        PacePolicy policy = options.Value.Pace;
        TableClient table = await tables.GetAsync(Table).ConfigureAwait(false);
        string partition = Partition(kind, robot);
        for (int race = 0; race < MaxRaces; race++)
        {
            var rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
            await foreach (TableEntity e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                rows[e.RowKey] = e;
            }

            DateTimeOffset now = clock.GetUtcNow();
            DateTimeOffset?[] slots = [.. Enumerable.Range(0, policy.Messages).Select(i => rows.TryGetValue(SlotRow(i), out TableEntity? s) ? s.GetDateTimeOffset("UsedAt") : null)];
            PaceChoice choice = RobotPace.Choose(slots, rows.TryGetValue(HoldRow, out TableEntity? hold) ? hold.GetDateTimeOffset("Until") : null, now, policy, Random.Shared.Next(policy.Messages));
            if (choice.Slot is not int slot)
            {
                return new PaceGrant(kind, robot, null, choice.NextFree);
            }

            var taken = new TableEntity(partition, SlotRow(slot)) { ["UsedAt"] = now };
            try
            {
                Response response = rows.TryGetValue(SlotRow(slot), out TableEntity? existing)
                    ? await table.UpdateEntityAsync(taken, existing.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false)
                    : await table.AddEntityAsync(taken, cancellationToken).ConfigureAwait(false);
                return new PaceGrant(kind, robot, slot, null, response.Headers.ETag?.ToString());
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Someone else took that slot first: read the allowance again.
            }
        }

        return new PaceGrant(kind, robot, null, clock.GetUtcNow().AddSeconds(1));
    }

    public async Task ReleaseAsync(PaceGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        if (grant.Slot is not int slot || grant.Tag is null)
        {
            return;
        }

        TableClient table = await tables.GetAsync(Table).ConfigureAwait(false);
        try
        {
            await table.UpdateEntityAsync(new TableEntity(Partition(grant.Kind, grant.Robot), SlotRow(slot)) { ["UsedAt"] = clock.GetUtcNow() }, new ETag(grant.Tag), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // The slot was taken again after a whole window: this send's time no longer matters.
        }
    }

    public async Task HoldAsync(ChannelKind kind, string robot, DateTimeOffset until, CancellationToken cancellationToken)
    {
        TableClient table = await tables.GetAsync(Table).ConfigureAwait(false);
        await table.UpsertEntityAsync(new TableEntity(Partition(kind, robot), HoldRow) { ["Until"] = until }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    private static string Partition(ChannelKind kind, string robot) => TableKeys.Encode($"{kind.Key()}:{robot}");

    private static string SlotRow(int slot) => $"slot-{slot:D3}";
}
