using Azure;
using SixStability.Core.Calendar;
using SixStability.Core.Submissions;

namespace SixStability.Infrastructure.Storage;

/// <summary>
/// Table <c>contacts</c>: one row per cycle and unit (partition = cycle id), and one row per unit under
/// partition <c>last</c> holding what it gave most recently. A cycle id never equals "last" (it names a plan and a quarter).
/// </summary>
public sealed class TableReportingContactStore(TableClients tables) : IReportingContactStore
{
    private const string Last = "last";

    public async Task<ReportingContact?> GetAsync(string cycleId, string unitId, CancellationToken cancellationToken) =>
        await ReadAsync(cycleId, unitId, cancellationToken).ConfigureAwait(false);

    public async Task<ReportingContact?> LastAsync(string unitId, CancellationToken cancellationToken) =>
        await ReadAsync(Last, unitId, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyDictionary<string, ReportingContact>> ListAsync(string cycleId, CancellationToken cancellationToken)
    {
        TableClient table = await tables.GetAsync("contacts").ConfigureAwait(false);
        var contacts = new Dictionary<string, ReportingContact>(StringComparer.Ordinal);
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {cycleId}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            contacts[row.RowKey] = Contact(row);
        }

        return contacts;
    }

    public async Task PutAsync(string cycleId, Quarter quarter, string unitId, ReportingContact contact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contact);
        TableClient table = await tables.GetAsync("contacts").ConfigureAwait(false);

        // The cycle's row first: if the second write fails, the cycle still has what the unit gave.
        await table.UpsertEntityAsync(Row(cycleId, unitId, contact), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        NullableResponse<TableEntity> last = await table.GetEntityIfExistsAsync<TableEntity>(Last, unitId, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (last.HasValue && Quarter.TryParse(last.Value!.GetString("Quarter"), out Quarter kept) && kept.CompareTo(quarter) > 0)
        {
            return; // a later quarter's contact stays the one offered next
        }

        TableEntity row = Row(Last, unitId, contact);
        row["Quarter"] = quarter.ToString();
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ReportingContact?> ReadAsync(string partition, string unitId, CancellationToken cancellationToken)
    {
        TableClient table = await tables.GetAsync("contacts").ConfigureAwait(false);
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(partition, unitId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? Contact(row.Value!) : null;
    }

    private static TableEntity Row(string partition, string unitId, ReportingContact contact) => new(partition, unitId)
    {
        ["Filler"] = contact.Filler,
        ["Phone"] = contact.Phone,
        ["Approver"] = contact.Approver,
    };

    private static ReportingContact Contact(TableEntity row) =>
        new(row.GetString("Filler") ?? string.Empty, row.GetString("Phone") ?? string.Empty, row.GetString("Approver") ?? string.Empty);
}
