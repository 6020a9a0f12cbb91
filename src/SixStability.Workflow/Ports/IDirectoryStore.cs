namespace SixStability.Workflow.Ports;

/// <summary>The unit directory, every version kept: a cycle keeps the directory it opened with.</summary>
public interface IDirectoryStore
{
    /// <summary>The current directory, or the version <paramref name="version"/> names; null when there is none.</summary>
    Task<Versioned<UnitDirectory>?> GetAsync(string? version, CancellationToken cancellationToken);

    /// <summary>Stores a new version; with <paramref name="ifMatch"/> only if the current one is still that (else a conflict).</summary>
    Task<Outcome<StoredVersion>> PutAsync(UnitDirectory directory, string? ifMatch, CancellationToken cancellationToken);
}
