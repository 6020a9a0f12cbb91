using System.Text.Json;
using SixStability.Core.Plans;
using SixStability.Core.Rules;
using SixStability.Core.Text;
using SixStability.Workflow.Ports;

namespace SixStability.Infrastructure.Storage;

/// <summary>Plans in table <c>plans</c>, one document per plan id.</summary>
public sealed class TablePlanStore(TableClients tables) : IPlanStore
{
    public async Task<Versioned<PlanCatalog>?> GetAsync(string planId, CancellationToken cancellationToken)
    {
        TableDocumentStore store = await StoreAsync().ConfigureAwait(false);
        (string Json, string ETag)? doc = await store.GetAsync(planId, cancellationToken).ConfigureAwait(false);
        return doc is null ? null : new(JsonSerializer.Deserialize<PlanCatalog>(doc.Value.Json, Json.Options)!, doc.Value.ETag);
    }

    public async Task<IReadOnlyList<PlanCatalog>> ListAsync(CancellationToken cancellationToken)
    {
        TableDocumentStore store = await StoreAsync().ConfigureAwait(false);
        var plans = new List<PlanCatalog>();
        foreach (string key in await store.KeysAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await GetAsync(key, cancellationToken).ConfigureAwait(false) is { } plan)
            {
                plans.Add(plan.Value);
            }
        }

        return plans;
    }

    public async Task<Outcome<string>> PutAsync(PlanCatalog plan, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        TableDocumentStore store = await StoreAsync().ConfigureAwait(false);
        return await store.PutAsync(plan.PlanId, JsonSerializer.Serialize(plan, Json.Options), ifMatch, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TableDocumentStore> StoreAsync() => new(await tables.GetAsync("plans").ConfigureAwait(false));
}
