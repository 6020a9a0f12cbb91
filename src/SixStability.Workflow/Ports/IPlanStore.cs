using SixStability.Core.Plans;

namespace SixStability.Workflow.Ports;

public interface IPlanStore
{
    Task<Versioned<PlanCatalog>?> GetAsync(string planId, CancellationToken cancellationToken);

    Task<IReadOnlyList<PlanCatalog>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the plan; with <paramref name="ifMatch"/> only if it is still that version.</summary>
    /// <exception cref="ConcurrencyConflictException">The plan changed since <paramref name="ifMatch"/>.</exception>
    Task<string> PutAsync(PlanCatalog plan, string? ifMatch, CancellationToken cancellationToken);
}
