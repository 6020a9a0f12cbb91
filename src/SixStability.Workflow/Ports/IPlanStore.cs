namespace SixStability.Workflow.Ports;

/// <summary>Plans, every version kept: replacing a plan makes a new version and never changes a cycle that runs on an older one.</summary>
public interface IPlanStore
{
    /// <summary>The plan's current version, or the one <paramref name="version"/> names; null when there is none.</summary>
    Task<Versioned<PlanCatalog>?> GetAsync(string planId, string? version, CancellationToken cancellationToken);

    /// <summary>The current version of every plan.</summary>
    Task<IReadOnlyList<PlanCatalog>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Stores a new version; with <paramref name="ifMatch"/> only if the current one is still that (else a conflict).</summary>
    Task<Outcome<StoredVersion>> PutAsync(PlanCatalog plan, string? ifMatch, CancellationToken cancellationToken);
}
