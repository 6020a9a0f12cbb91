using SixStability.Core.Rules;
using SixStability.Core.Text;
using SixStability.Workflow.Plans.Drafts;

namespace SixStability.Infrastructure.Storage;

/// <summary>Plan drafts in table <c>plandrafts</c>, one versioned document per plan id (a draft of 2,000 tasks exceeds one row).</summary>
public sealed class TablePlanDraftStore(TableClients tables, TimeProvider clock) : IPlanDraftStore
{
    public async Task<Versioned<PlanDraftRecord>?> GetAsync(string planId, CancellationToken cancellationToken)
    {
        TableDocumentStore store = await StoreAsync().ConfigureAwait(false);
        StoredDocument? doc = await store.GetAsync(planId, null, cancellationToken).ConfigureAwait(false);
        return doc is null ? null : new(JsonSerializer.Deserialize<PlanDraftRecord>(doc.Json, Json.Options)!, doc.Version);
    }

    public async Task<Outcome<StoredVersion>> PutAsync(PlanDraftRecord record, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        TableDocumentStore store = await StoreAsync().ConfigureAwait(false);
        return await store.PutAsync(record.Draft.PlanId, JsonSerializer.Serialize(record, Json.Options), ifMatch, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    private async Task<TableDocumentStore> StoreAsync() => new(await tables.GetAsync("plandrafts").ConfigureAwait(false));
}
