namespace SixStability.Workflow.Ports;

/// <summary>
/// The draft of each plan under review, every save a version: a correction made against a draft someone
/// has since changed is a conflict (If-Match), never a lost edit.
/// </summary>
public interface IPlanDraftStore
{
    /// <summary>The plan's newest draft, or null when none was ever uploaded.</summary>
    Task<Versioned<PlanDraftRecord>?> GetAsync(string planId, CancellationToken cancellationToken);

    /// <summary>Stores a new version; with <paramref name="ifMatch"/> only if the newest one is still that.</summary>
    Task<Outcome<StoredVersion>> PutAsync(PlanDraftRecord record, string? ifMatch, CancellationToken cancellationToken);
}
