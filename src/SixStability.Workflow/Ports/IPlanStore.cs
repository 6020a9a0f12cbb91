using SixStability.Core.Plans;
using SixStability.Core.Rules;

namespace SixStability.Workflow.Ports;

public interface IPlanStore
{
    Task<Versioned<PlanCatalog>?> GetAsync(string planId, CancellationToken cancellationToken);

    Task<IReadOnlyList<PlanCatalog>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the plan; with <paramref name="ifMatch"/> only if it is still that version (else a conflict). Returns the new ETag.</summary>
    Task<Outcome<string>> PutAsync(PlanCatalog plan, string? ifMatch, CancellationToken cancellationToken);
}
