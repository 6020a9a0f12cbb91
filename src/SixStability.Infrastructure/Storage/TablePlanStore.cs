using SixStability.Core.Plans;
using SixStability.Core.Rules;
using SixStability.Core.Text;

namespace SixStability.Infrastructure.Storage;

/// <summary>Plans in table <c>plans</c>, one versioned document per plan id.</summary>
public sealed class TablePlanStore(TableClients tables, TimeProvider clock) : IPlanStore
{
    public async Task<Versioned<PlanCatalog>?> GetAsync(string planId, string? version, CancellationToken cancellationToken)
    {
        TableDocumentStore store = await StoreAsync().ConfigureAwait(false);
        StoredDocument? doc = await store.GetAsync(planId, version, cancellationToken).ConfigureAwait(false);
        return doc is null ? null : new(JsonSerializer.Deserialize<PlanCatalog>(doc.Json, Json.Options)!, doc.Version);
    }

    public async Task<IReadOnlyList<PlanCatalog>> ListAsync(CancellationToken cancellationToken)
    {
        TableDocumentStore store = await StoreAsync().ConfigureAwait(false);
        var plans = new List<PlanCatalog>();
        foreach (string key in await store.KeysAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await GetAsync(key, null, cancellationToken).ConfigureAwait(false) is { } plan)
            {
                plans.Add(plan.Value);
            }
        }

        return plans;
    }

    public async Task<Outcome<StoredVersion>> PutAsync(PlanCatalog plan, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        TableDocumentStore store = await StoreAsync().ConfigureAwait(false);
        return await store.PutAsync(plan.PlanId, JsonSerializer.Serialize(plan, Json.Options), ifMatch, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    private async Task<TableDocumentStore> StoreAsync() => new(await tables.GetAsync("plans").ConfigureAwait(false));
}
