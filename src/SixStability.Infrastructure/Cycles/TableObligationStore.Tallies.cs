namespace SixStability.Infrastructure.Cycles;

// The cycle's tallies (ICycleTallies) in table tallies, one partition per cycle, so the board reads a few small rows
// by key instead of every obligation: 'm' says the cycle has tallies and how many shards it uses; 'u|{unit}' holds a
// unit's marks (one per obligation, with its revision) and its shard; 's|{shard}' holds, for up to 200 units, each
// unit's tally in a property of its own. A unit's row changes only under its ETag and together with its property in
// its shard (one transaction), so a shard always holds the tally of the unit's latest row; units of one shard write
// different properties and never wait for each other.
public sealed partial class TableObligationStore : ICycleTallies
{
    private const string TallyTableName = "tallies";
    private const int UnitsPerShard = 200;
    private const string MetaRow = "m";
    private const string ShardRows = "s|";
    private const string UnitRows = "u|";

    public async Task<IReadOnlyDictionary<string, UnitTally>?> UnitsAsync(string cycleId, CancellationToken cancellationToken)
    {
        TableClient table = await TallyTable().ConfigureAwait(false);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {TallyPartition(cycleId)} and RowKey ge {MetaRow} and RowKey lt {"s}"}");
        var units = new Dictionary<string, UnitTally>(StringComparer.Ordinal);
        bool counted = false;
        await foreach (TableEntity e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (e.RowKey == MetaRow)
            {
                counted = true;
                continue;
            }

            foreach (KeyValuePair<string, object> property in e)
            {
                if (property.Value is string text && TallyText.UnitOf(property.Key) is { } unit)
                {
                    units[unit] = TallyText.Tally(text);
                }
            }
        }

        return counted ? units : null;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ObligationMark>>> MarksAsync(string cycleId, IReadOnlyCollection<string> unitIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unitIds);
        TableClient table = await TallyTable().ConfigureAwait(false);
        IReadOnlyDictionary<string, TableEntity> rows = await UnitRowsAsync(table, TallyPartition(cycleId), unitIds, cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Key, r => TallyText.Marks(r.Value.GetString("Marks")), StringComparer.Ordinal);
    }

    public Task MendAsync(string cycleId, IReadOnlyList<Obligation> observed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observed);
        return LayAsync(cycleId, MarksByUnit(observed), createMissing: false, cancellationToken);
    }

    public async Task RecountAsync(string cycleId, CancellationToken cancellationToken)
    {
        List<Obligation> all = await this.ListAllAsync(cycleId, null, cancellationToken).ConfigureAwait(false);
        await LayAsync(cycleId, MarksByUnit(all), createMissing: true, cancellationToken).ConfigureAwait(false);
        await MoveLegacyRequestsAsync(cycleId, cancellationToken).ConfigureAwait(false);
    }

    private static Dictionary<string, IReadOnlyList<ObligationMark>> MarksByUnit(IEnumerable<Obligation> obligations) =>
        obligations.GroupBy(o => o.UnitId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<ObligationMark>)[.. g.Select(ObligationMark.Of)], StringComparer.Ordinal);

    private static string TallyPartition(string cycleId) => TableKeys.Encode(cycleId);

    private static string UnitRow(string unitId) => UnitRows + TableKeys.Encode(unitId);

    private static string ShardRow(int shard) => $"{ShardRows}{shard:D5}";

    private Task<TableClient> TallyTable() => tables.GetAsync(TallyTableName);
}
